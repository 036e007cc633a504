namespace Census.Hosting;

/// <summary>The <c>Census:Kubernetes</c> section: how a cluster-mode silo runs in a Kubernetes pod.</summary>
public sealed class KubernetesOptions
{
    /// <summary>
    /// Cluster mode: use Orleans' Kubernetes hosting (silo name = pod name, advertised address = pod IP,
    /// a silo whose pod is deleted is declared dead at once). Needs POD_NAME, POD_NAMESPACE and POD_IP
    /// from the downward API and a role that may get, list, watch and patch pods in the namespace.
    /// Membership stays in PostgreSQL.
    /// </summary>
    public bool Enabled { get; set; }
}
