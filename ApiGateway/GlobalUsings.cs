global using Census.Contracts.Principals;
global using Census.Contracts.Provision;
global using Census.Contracts.Access;
global using Census.Contracts.Common;
global using Census.Contracts.Institutions;
global using Census.Domain.Validation;
global using Microsoft.AspNetCore.Http.HttpResults;

[assembly: System.Resources.NeutralResourcesLanguage("ko")]
