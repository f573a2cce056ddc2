namespace ModelMonitor.Core; internal static class Placeholder { }
