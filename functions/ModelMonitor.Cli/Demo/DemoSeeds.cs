using System.IO.Hashing;
using System.Text;

namespace ModelMonitor.Cli.Demo;

/// <summary>Stable hashes (unlike <see cref="string.GetHashCode()"/>, which is randomised per process).</summary>
internal static class DemoSeeds
{
    /// <summary>A per-model seed, so adding or removing a model leaves the others' streams unchanged.</summary>
    public static int For(int seed, string name) => (int)XxHash32.HashToUInt32(Encoding.UTF8.GetBytes(name), seed);

    /// <summary>The partition a key lands on, as Event Hubs routes a partition key to one partition.</summary>
    public static int Partition(string partitionKey, int partitionCount) =>
        (int)(XxHash32.HashToUInt32(Encoding.UTF8.GetBytes(partitionKey)) % (uint)partitionCount);
}
