global using Census.Contracts.Institutions;
global using Census.Domain.Institutions;
global using Census.Domain.Security;
global using Census.Domain.Validation;
global using Census.Testing;
