using System.Net.Sockets;
using Azure;
using ModelMonitor.Core.Ingestion;

namespace ModelMonitor.Cli.Hosting;

/// <summary>Recognises failures that come from the storage account (or from not reaching it) by type, never by message text.</summary>
public static class StorageErrors
{
    public const string Hint = "hint: is Azurite running? ./infra/azurite.sh start";

    public static bool IsStorageFailure(Exception exception) => exception switch
    {
        RequestFailedException or HttpRequestException or SocketException or WriteConflictException => true,
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(IsStorageFailure),
        _ => false,
    };

    /// <summary>The most specific message: the SDK's retry wrapper repeats the same inner failure once per attempt.</summary>
    public static string Describe(Exception exception) => exception switch
    {
        AggregateException { InnerExceptions.Count: > 0 } aggregate => Describe(aggregate.InnerExceptions[^1]),
        RequestFailedException { Status: > 0 } failed => $"storage request failed ({failed.Status} {failed.ErrorCode}): {FirstLine(failed.Message)}",
        _ => FirstLine(exception.Message),
    };

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }
}
