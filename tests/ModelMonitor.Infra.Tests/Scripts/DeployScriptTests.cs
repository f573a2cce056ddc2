using ModelMonitor.Infra.Tests.Support;

namespace ModelMonitor.Infra.Tests.Scripts;

/// <summary>infra/deploy.sh parses, is strict, and passes shellcheck where shellcheck is installed.</summary>
public sealed class DeployScriptTests
{
    private static string Script => Path.Combine(RepositoryLayout.Root, "infra", "deploy.sh");

    [Fact]
    public async Task Script_ParsesWithBashNoExec()
    {
        var bash = ExternalTool.Find("bash") ?? throw new InvalidOperationException("bash is not on PATH.");

        var (exitCode, output) = await ExternalTool.RunAsync(bash, "-n", Script);

        Assert.True(exitCode == 0, output);
    }

    [Fact]
    public async Task Script_PassesShellcheckWhenAvailable()
    {
        // shellcheck is optional on developer machines (apt-get install shellcheck); when present it must be clean.
        var shellcheck = ExternalTool.Find("shellcheck");
        if (shellcheck is null)
        {
            return;
        }

        var (exitCode, output) = await ExternalTool.RunAsync(shellcheck, "--external-sources", Script);

        Assert.True(exitCode == 0, output);
    }

    [Fact]
    public void Script_IsStrictAndExecutable()
    {
        var text = File.ReadAllText(Script);

        Assert.StartsWith("#!/usr/bin/env bash\n", text, StringComparison.Ordinal);
        Assert.Contains("\nset -euo pipefail\n", text, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.True(File.GetUnixFileMode(Script).HasFlag(UnixFileMode.UserExecute), "infra/deploy.sh is not executable.");
        }
    }
}
