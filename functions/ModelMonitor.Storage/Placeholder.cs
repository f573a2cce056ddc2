namespace ModelMonitor.Storage; internal static class Placeholder { }
