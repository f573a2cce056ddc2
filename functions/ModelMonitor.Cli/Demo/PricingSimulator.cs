namespace ModelMonitor.Cli.Demo;

/// <summary>
/// A regression model quoting prices, with a canary version on a tenth of the traffic. Realised prices (numeric
/// labels) arrive when the sale completes, 5 to 90 minutes later. On the last day a slow dependency makes
/// latency about 2.5× worse with a heavier tail.
/// </summary>
internal sealed class PricingSimulator(DemoSettings settings) : ModelSimulator(DemoModels.Pricing, settings)
{
    private const string Production = "7.1";
    private const string Canary = "7.2";

    private static readonly WeightedChoice<string> Regions = new(("us-east", 0.35), ("us-west", 0.25), ("eu-central", 0.25), ("ap-south", 0.15));
    private static readonly WeightedChoice<string> Callers = new(("web-quote", 0.6), ("mobile-quote", 0.3), ("b2b-api", 0.1));

    public override string MainVersion => Production;

    public override string NumericFeature => "basePrice";

    public override void SimulateHour(DateTimeOffset hourStart, MessageSchedule schedule)
    {
        var count = EventsThisHour(hourStart, Settings.EventsPerHour);
        for (var i = 0; i < count; i++)
        {
            Simulate(TimeIn(hourStart), schedule);
        }
    }

    private void Simulate(DateTimeOffset timestamp, MessageSchedule schedule)
    {
        var eventId = NextEventId();
        var canary = Random.Chance(0.1);
        var version = canary ? Canary : Production;
        var basePrice = Random.LogNormal(Math.Log(120), 0.5);
        var demand = Math.Max(0.2, Random.Normal(1.0, 0.2));
        double? competitor = Random.Chance(0.08) ? null : basePrice * Random.Normal(1.0, 0.08);
        var daysOut = Random.Next(0, 181);
        var inventory = Random.Next(0, 301);
        var weekend = timestamp.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

        var fair = basePrice * Math.Pow(demand, 0.8) * (1 + (0.002 * (30 - Math.Min(daysOut, 60)))) * (inventory < 20 ? 1.15 : 1.0) * (weekend ? 1.05 : 1.0);
        var quote = fair * Random.Normal(canary ? 1.0 : 1.02, canary ? 0.05 : 0.07);
        var status = Random.Chance(0.003) ? "fallback" : "ok";
        var latency = IsLastDay(timestamp) ? Random.LogNormal(Math.Log(35 * 2.5), 0.55) : Random.LogNormal(Math.Log(35), 0.3);
        var body = EventJson.Write(w =>
        {
            w.WriteHeader(EventJson.PredictionSchema, eventId, ModelId, version, timestamp);
            w.WriteString("callerId", Callers.Next(Random));
            w.WriteString("slot", canary ? "canary" : "production");
            w.WriteStartObject("features");
            w.WriteValue("basePrice", basePrice, 2);
            w.WriteValue("demandIndex", demand, 3);
            w.WriteValue("competitorPrice", competitor, 2);
            w.WriteString("region", Regions.Next(Random));
            w.WriteNumber("daysToDeparture", daysOut);
            w.WriteNumber("inventory", inventory);
            w.WriteBoolean("isWeekend", weekend);
            w.WriteEndObject();
            w.WriteValue("prediction", quote, 2);
            w.WriteServing(latency, latency * 0.5, Random.Normal(768, 20), status);
        });
        schedule.Add(Sent(timestamp), ModelId, body);

        if (status != "ok" || !Random.Chance(0.5))
        {
            return;
        }

        var observedAt = timestamp.AddMinutes(5 + (Random.NextDouble() * 85));
        var realised = fair * Random.Normal(1.0, 0.04);
        var outcome = EventJson.Write(w =>
        {
            w.WriteHeader(EventJson.OutcomeSchema, eventId, ModelId, version, timestamp);
            w.WriteTime("observedAt", observedAt);
            w.WriteValue("prediction", quote, 2);
            w.WriteValue("label", realised, 2);
        });
        schedule.Add(observedAt, ModelId, outcome);
    }
}
