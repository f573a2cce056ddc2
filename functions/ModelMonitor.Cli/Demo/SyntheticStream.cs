namespace ModelMonitor.Cli.Demo;

/// <summary>
/// The demo's whole message stream in arrival order: hour by hour, every selected model schedules its
/// predictions and future outcomes, and whatever has arrived by the end of the hour is released. Outcomes due
/// after the last simulated hour are released at the end. Deterministic for given <see cref="DemoSettings"/>.
/// </summary>
internal sealed class SyntheticStream
{
    private readonly DemoSettings _settings;
    private int _hoursDone;

    public SyntheticStream(DemoSettings settings)
    {
        _settings = settings ?? throw new ArgumentNullException(nameof(settings));
        Simulators = [.. settings.Models.Select<string, ModelSimulator>(m => m switch
        {
            DemoModels.Fraud => new FraudSimulator(settings),
            DemoModels.Recsys => new RecsysSimulator(settings),
            DemoModels.Pricing => new PricingSimulator(settings),
            _ => throw new ArgumentException($"Unknown demo model '{m}'.", nameof(settings)),
        })];
    }

    public IReadOnlyList<ModelSimulator> Simulators { get; }

    public int TotalHours => _settings.Days * 24;

    /// <summary>Fraction of simulated hours generated so far.</summary>
    public double Progress => (double)_hoursDone / TotalHours;

    public IEnumerable<SyntheticMessage> Messages()
    {
        var schedule = new MessageSchedule();
        MalformedMessages.Schedule(Simulators[0], _settings, schedule);
        for (var hour = 0; hour < TotalHours; hour++)
        {
            var start = _settings.Start.AddHours(hour);
            foreach (var simulator in Simulators)
            {
                simulator.SimulateHour(start, schedule);
            }

            _hoursDone = hour + 1;
            var end = start.AddHours(1);
            while (schedule.TryTakeBefore(end, out var message))
            {
                yield return message;
            }
        }

        while (schedule.TryTake(out var message))
        {
            yield return message;
        }
    }
}
