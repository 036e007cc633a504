global using Census.Contracts.Common;
global using Census.Contracts.Institutions;
global using Census.Contracts.Rounds;
global using Census.Contracts.Surveys;
global using Census.Grains.Tests.Infrastructure;
global using Orleans;
global using Orleans.Runtime;
global using Census.Testing;
