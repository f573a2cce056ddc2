using System.Diagnostics;

namespace ModelMonitor.Infra.Tests.Support;

/// <summary>
/// Runs the native Bicep CLI that restore downloads (PackageDownload of Azure.Bicep.CommandLine.linux-x64, see the
/// csproj). Its path is <c>$(NuGetPackageRoot)/azure.bicep.commandline.linux-x64/&lt;version&gt;/tools/bicep</c>,
/// stamped on this assembly at build time; <see cref="PathOverrideVariable"/> overrides it (another OS or version).
/// </summary>
internal static class BicepCli
{
    public const string PathOverrideVariable = "MODELMONITOR_BICEP_PATH";

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    public static string Locate()
    {
        var overridePath = Environment.GetEnvironmentVariable(PathOverrideVariable);
        var path = string.IsNullOrWhiteSpace(overridePath) ? RepositoryLayout.ReadMetadata("BicepCliPath") : overridePath;
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"Bicep CLI not found at '{path}'. Restore tests/ModelMonitor.Infra.Tests (it downloads the " +
                $"Azure.Bicep.CommandLine.linux-x64 package) or set {PathOverrideVariable}.",
                path);
        }

        EnsureExecutable(path);
        return path;
    }

    public static async Task<BicepRun> RunAsync(
        string workingDirectory, IReadOnlyList<string> arguments, CancellationToken cancellationToken = default)
    {
        var startInfo = new ProcessStartInfo(Locate())
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        // The parameter files read secrets and site ids from MODELMONITOR_* variables: build them as checked in.
        var inherited = startInfo.Environment.Keys
            .Where(key => key.StartsWith("MODELMONITOR_", StringComparison.Ordinal))
            .ToList();
        foreach (var key in inherited)
        {
            startInfo.Environment.Remove(key);
        }

        using var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException($"Could not start {startInfo.FileName}.");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);

        var standardOutput = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var standardError = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', arguments)} did not finish within {Timeout}.");
        }

        return new BicepRun(string.Join(' ', arguments), process.ExitCode, await standardOutput, await standardError);
    }

    private static void EnsureExecutable(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        // NuGet extraction does not always keep the execute bit.
        var mode = File.GetUnixFileMode(path);
        if (!mode.HasFlag(UnixFileMode.UserExecute))
        {
            File.SetUnixFileMode(path, mode | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }
    }
}
