using System.Globalization;

namespace ModelMonitor.Cli.Demo;

/// <summary>
/// A recommender: each request returns ten items from a long-tailed catalogue; some users click within minutes.
/// Besides three ordinary callers, one abusive scraper calls at ten times an ordinary caller's rate, around the
/// clock, and is often rate-limited; it never clicks.
/// </summary>
internal sealed class RecsysSimulator : ModelSimulator
{
    public const string AbusiveCaller = "scraper-bot-17";
    private const string Version = "2024.11.2";
    private const int CatalogSize = 2_000;
    private const int ItemsShown = 10;

    private static readonly WeightedChoice<string> Callers = new(("home-feed", 1), ("search", 1), ("email-digest", 1));
    private static readonly WeightedChoice<string> Devices = new(("ios", 0.4), ("android", 0.4), ("web", 0.2));
    private static readonly WeightedChoice<string> Locales = new(("en-US", 0.5), ("en-GB", 0.15), ("de-DE", 0.12), ("fr-FR", 0.1), ("es-MX", 0.08), ("ja-JP", 0.05));
    private readonly double[] _popularity;

    public RecsysSimulator(DemoSettings settings)
        : base(DemoModels.Recsys, settings)
    {
        // Zipf(1.1) popularity over the catalogue, as cumulative weights.
        _popularity = new double[CatalogSize];
        var sum = 0.0;
        for (var rank = 1; rank <= CatalogSize; rank++)
        {
            sum += 1.0 / Math.Pow(rank, 1.1);
            _popularity[rank - 1] = sum;
        }
    }

    public override string MainVersion => Version;

    public override string NumericFeature => "userTenureDays";

    public override void SimulateHour(DateTimeOffset hourStart, MessageSchedule schedule)
    {
        var ordinary = EventsThisHour(hourStart, Settings.EventsPerHour);
        var scraper = EventsThisHour(hourStart, 10.0 * Settings.EventsPerHour / Callers.Values.Count, diurnal: false);
        for (var i = 0; i < ordinary; i++)
        {
            Simulate(TimeIn(hourStart), Callers.Next(Random), schedule);
        }

        for (var i = 0; i < scraper; i++)
        {
            Simulate(TimeIn(hourStart), AbusiveCaller, schedule);
        }
    }

    private void Simulate(DateTimeOffset timestamp, string caller, MessageSchedule schedule)
    {
        var eventId = NextEventId();
        var abusive = caller == AbusiveCaller;
        var status = abusive && Random.Chance(0.35) ? "rate_limited" : Random.Chance(0.002) ? "error" : "ok";
        var items = status == "ok" ? DrawItems() : [];
        var topScore = Math.Clamp(Random.Normal(0.62, 0.12), 0, 1);
        var latency = status == "rate_limited" ? Random.LogNormal(Math.Log(2), 0.3) : Random.LogNormal(Math.Log(25), 0.4);
        var body = EventJson.Write(w =>
        {
            w.WriteHeader(EventJson.PredictionSchema, eventId, ModelId, Version, timestamp);
            w.WriteString("callerId", caller);
            w.WriteString("slot", "production");
            w.WriteStartObject("features");
            w.WriteValue("userTenureDays", abusive ? 0 : Math.Floor(Random.Exponential(400)));
            w.WriteString("device", abusive ? "web" : Devices.Next(Random));
            w.WriteString("locale", Locales.Next(Random));
            w.WriteValue("sessionDepth", 1 + Random.Poisson(abusive ? 40 : 3));
            w.WriteValue("candidateCount", Math.Round(Random.Normal(500, 60)));
            w.WriteEndObject();
            if (status == "ok")
            {
                w.WriteValue("prediction", topScore, 4);
                w.WriteStartArray("items");
                foreach (var item in items)
                {
                    w.WriteStringValue(item);
                }

                w.WriteEndArray();
            }

            w.WriteServing(latency, latency * 0.8, Random.Normal(1024, 30), status);
        });
        schedule.Add(Sent(timestamp), ModelId, body);

        if (status != "ok" || abusive || !Random.Chance(0.35))
        {
            return;
        }

        // Position-biased clicks, reported by the client a few minutes later.
        var clicked = items.Where((_, position) => Random.Chance(0.25 / (position + 1))).ToList();
        var observedAt = timestamp.AddSeconds(5 + Math.Min(Random.Exponential(180), 1800));
        var outcome = EventJson.Write(w =>
        {
            w.WriteHeader(EventJson.OutcomeSchema, eventId, ModelId, Version, timestamp);
            w.WriteTime("observedAt", observedAt);
            w.WriteValue("prediction", topScore, 4);
            w.WriteNumber("label", clicked.Count > 0 ? 1 : 0);
            w.WriteStartArray("clickedItems");
            foreach (var item in clicked)
            {
                w.WriteStringValue(item);
            }

            w.WriteEndArray();
        });
        schedule.Add(observedAt, ModelId, outcome);
    }

    private List<string> DrawItems()
    {
        var items = new List<string>(ItemsShown);
        while (items.Count < ItemsShown)
        {
            var index = Array.BinarySearch(_popularity, Random.NextDouble() * _popularity[^1]);
            var item = string.Create(CultureInfo.InvariantCulture, $"sku-{(index < 0 ? ~index : index):D5}");
            if (!items.Contains(item))
            {
                items.Add(item);
            }
        }

        return items;
    }
}
