// Integration tests start real silo processes and databases: run them one class at a time so two
// clusters never compete for the machine's two cores.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
