// Each test class starts its own Azurite and server (and the crash test kills a server process): run them one at a
// time, so that timings measured on a shared 2-core machine mean something.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
