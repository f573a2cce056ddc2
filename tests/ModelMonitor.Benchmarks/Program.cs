using ModelMonitor.Benchmarks;

// Stopwatch harness rather than BenchmarkDotNet so the ratio comes out in seconds, in one process,
// with baseline and subject measured back to back on the same bytes.
return args.FirstOrDefault() switch
{
    "ingest" => IngestBenchmark.Run(args.Skip(1).ToArray()),
    "checks" => CheckBenchmark.Run(args.Skip(1).ToArray()),
    "load" => LoadBenchmark.Run(args.Skip(1).ToArray()),
    "statistics" => StatisticsBenchmark.Run(args.Skip(1).ToArray()),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project tests/ModelMonitor.Benchmarks -- ingest [--events N] [--rounds R] [--breakdown] | checks [--models M] [--events N] [--partitions P] [--storage CONNECTION] | load [--events N] [--baseline-events N] [--partitions P] [--models M] [--storage CONNECTION] | statistics");
    return 2;
}
