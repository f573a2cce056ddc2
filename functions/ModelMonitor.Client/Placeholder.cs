namespace ModelMonitor.Client; internal static class Placeholder { }
