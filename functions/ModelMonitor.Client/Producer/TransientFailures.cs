using System.Net.Sockets;
using Azure.Messaging.EventHubs;

namespace ModelMonitor.Client;

/// <summary>Which send failures are worth a retry, decided from the exception's type, never its message.</summary>
internal static class TransientFailures
{
    public static bool IsTransient(Exception exception) => exception switch
    {
        EventHubsException eventHubs => eventHubs.IsTransient,
        TimeoutException or IOException or SocketException => true,
        _ => false,
    };
}
