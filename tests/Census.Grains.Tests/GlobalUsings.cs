global using Census.Contracts.Common;
global using Census.Contracts.Institutions;
global using Census.Grains.Tests.Infrastructure;
global using Orleans;
global using Orleans.Runtime;
