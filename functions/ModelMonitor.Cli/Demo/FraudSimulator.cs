namespace ModelMonitor.Cli.Demo;

/// <summary>
/// A card-fraud binary classifier. Features mix numbers (with occasional nulls and NaN), categories and a boolean.
/// On the last day the transaction <c>amount</c> distribution drifts upwards (about 1.8× the median).
/// Labels arrive late: analysts label some high-score transactions within the hour, and a nightly
/// settlement file labels about a third of the previous day's transactions at 03:00 the next day.
/// </summary>
internal sealed class FraudSimulator(DemoSettings settings) : ModelSimulator(DemoModels.Fraud, settings)
{
    public const string Amount = "amount";
    private const string Version = "3.4.1";

    private static readonly WeightedChoice<string> Callers = new(("checkout-web", 0.55), ("checkout-mobile", 0.35), ("partner-gateway", 0.10));
    private static readonly WeightedChoice<string> Categories = new(
        ("grocery", 0.28), ("restaurants", 0.18), ("online", 0.20), ("fuel", 0.12), ("electronics", 0.08), ("travel", 0.06), ("gaming", 0.04), ("other", 0.04));
    private static readonly WeightedChoice<string> Countries = new(
        ("US", 0.55), ("GB", 0.10), ("DE", 0.08), ("FR", 0.06), ("CA", 0.06), ("IN", 0.05), ("BR", 0.04), ("NG", 0.03), ("MX", 0.03));
    private static readonly WeightedChoice<string> Statuses = new(("ok", 0.994), ("error", 0.004), ("timeout", 0.002));

    public override string MainVersion => Version;

    public override string NumericFeature => Amount;

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
        var amount = Random.LogNormal(IsLastDay(timestamp) ? 4.2 : 3.6, 0.9);
        var category = Categories.Next(Random);
        var country = Countries.Next(Random);
        var international = country != "US" && Random.Chance(0.7);
        double? cardAge = Random.Chance(0.04) ? null : Math.Floor(Random.Exponential(700));
        double? deviceRisk = Random.Chance(0.03) ? null : Random.Chance(0.003) ? double.NaN : Math.Pow(Random.NextDouble(), 2.5);
        var recent = Random.Poisson(1.5);

        var logit = -4.6 + (0.5 * (Math.Log(amount) - 3.6)) + (international ? 1.1 : 0) + (category is "electronics" or "gaming" or "travel" ? 0.9 : 0)
            + (2.2 * (deviceRisk is { } d && double.IsFinite(d) ? d : 0.3)) + (0.15 * recent) - (cardAge is { } age ? Math.Min(age, 2000) * 0.0006 : -0.4);
        var isFraud = Random.Chance(Sampling.Sigmoid(logit));
        var score = Sampling.Sigmoid(logit + Random.Normal(isFraud ? 0.8 : 0, 0.7));

        var status = Statuses.Next(Random);
        var latency = status == "timeout" ? Random.Normal(260, 15) : Random.LogNormal(Math.Log(9), 0.35);
        var body = EventJson.Write(w =>
        {
            w.WriteHeader(EventJson.PredictionSchema, eventId, ModelId, Version, timestamp);
            w.WriteString("callerId", Callers.Next(Random));
            w.WriteString("slot", "production");
            w.WriteStartObject("features");
            w.WriteValue(Amount, Random.Chance(0.005) ? null : amount, 2);
            w.WriteString("merchantCategory", category);
            w.WriteString("country", country);
            w.WriteBoolean("isInternational", international);
            w.WriteValue("cardAgeDays", cardAge);
            w.WriteValue("deviceRisk", deviceRisk, 4);
            w.WriteNumber("txnLast24h", recent);
            w.WriteEndObject();
            if (status == "ok")
            {
                w.WriteValue("prediction", score, 4);
            }

            w.WriteServing(latency, latency * Random.Normal(0.6, 0.05), Random.Normal(512, 12), status);
        });
        schedule.Add(Sent(timestamp), ModelId, body);
        if (status != "ok")
        {
            return;
        }

        // Analysts review some high-score transactions quickly; the settlement file labels many more the next night,
        // sorted by transaction time (so each arrival batch touches a contiguous run of windows).
        DateTimeOffset? labelled = null;
        if (score > 0.8 && Random.Chance(0.6))
        {
            labelled = timestamp.AddMinutes(10 + Random.Exponential(25));
        }
        else if (Random.Chance(isFraud ? 0.9 : 0.3))
        {
            var day = new DateTimeOffset(timestamp.UtcDateTime.Date, TimeSpan.Zero);
            labelled = day.AddDays(1).AddHours(3) + ((timestamp - day) * (20.0 / (24 * 60)));
        }

        if (labelled is { } observedAt)
        {
            var outcome = EventJson.Write(w =>
            {
                w.WriteHeader(EventJson.OutcomeSchema, eventId, ModelId, Version, timestamp);
                w.WriteTime("observedAt", observedAt);
                w.WriteValue("prediction", score, 4);
                w.WriteNumber("label", isFraud ? 1 : 0);
            });
            schedule.Add(observedAt, ModelId, outcome);
        }
    }
}
