using System.Text.Json;
using System.Text.Json.Nodes;

namespace Prescriber.Web.Tests.Sessions;

/// <summary>
/// Broken session payloads, made from a valid one by mutations that each make it invalid:
/// broken JSON, wrong types, values out of range, unknown or missing fields, strange shapes.
/// Seeded, so a failure can be replayed.
/// </summary>
internal static class MalformedPayloads
{
    public static IEnumerable<(string Content, string ContentType)> Generate(LoggingSetup setup, int count, int seed)
    {
        var random = new Random(seed);
        var valid = JsonSerializer.SerializeToNode(setup.Submission(), LoggingSetup.Json)!.AsObject();
        var mutations = Mutations(setup);
        for (var i = 0; i < count; i++)
        {
            var payload = (JsonObject)valid.DeepClone();
            payload["idempotencyKey"] = $"fuzz-{seed}-{i:D6}";
            var mutation = mutations[random.Next(mutations.Count)];
            yield return mutation(payload, random);
        }
    }

    private static List<Func<JsonObject, Random, (string, string)>> Mutations(LoggingSetup setup) =>
    [
        (p, r) => (p.ToJsonString()[..r.Next(1, p.ToJsonString().Length - 1)], "application/json"),
        (p, r) => (p.ToJsonString().Replace("\"", "'", StringComparison.Ordinal), "application/json"),
        (p, r) => (Garbage(r), "application/json"),
        (p, r) => ("", "application/json"),
        (p, r) => ("null", "application/json"),
        (p, r) => ("[" + p.ToJsonString() + "]", "application/json"),
        (p, r) => ($"\"{Garbage(r)}\"", "application/json"),
        (p, r) => (p.ToJsonString(), "text/plain"),
        (p, r) => (p.ToJsonString(), "application/x-www-form-urlencoded"),
        (p, r) => (Set(p, "painBefore", r.Next(11, 100000)), "application/json"),
        (p, r) => (Set(p, "painAfter", -r.Next(1, 100000)), "application/json"),
        (p, r) => (Set(p, "difficulty", r.Next(11, int.MaxValue)), "application/json"),
        (p, r) => (Set(p, "painBefore", "seven"), "application/json"),
        (p, r) => (Set(p, "painAfter", 4.5), "application/json"),
        (p, r) => (Set(p, "painAfter", 1e300), "application/json"),
        (p, r) => (Set(p, "programId", Guid.NewGuid().ToString()), "application/json"),
        (p, r) => (Set(p, "programId", "not-a-guid"), "application/json"),
        (p, r) => (Set(p, "programId", 12345), "application/json"),
        (p, r) => (Remove(p, "idempotencyKey"), "application/json"),
        (p, r) => (Set(p, "idempotencyKey", new string('k', r.Next(101, 5000))), "application/json"),
        (p, r) => (Set(p, "idempotencyKey", "bad key with spaces"), "application/json"),
        (p, r) => (Set(p, "idempotencyKey", null), "application/json"),
        (p, r) => (Set(p, "note", new string('n', r.Next(2001, 20000))), "application/json"),
        (p, r) => (Set(p, "note", 42), "application/json"),
        (p, r) => (Set(p, "date", "yesterday"), "application/json"),
        (p, r) => (Set(p, "date", "1999-01-01"), "application/json"),
        (p, r) => (Set(p, "date", "2999-12-31"), "application/json"),
        (p, r) => (Set(p, "entries", null), "application/json"),
        (p, r) => (Set(p, "entries", new JsonArray()), "application/json"),
        (p, r) => (Set(p, "entries", "all done"), "application/json"),
        (p, r) => (Set(p, "entries", new JsonArray(null, null)), "application/json"),
        (p, r) => (Entry(p, e => e["outcome"] = "nailed-it"), "application/json"),
        (p, r) => (Entry(p, e => e["outcome"] = 0), "application/json"),
        (p, r) => (Entry(p, e => e["outcome"] = "skipped"), "application/json"),
        (p, r) => (Entry(p, e => { e["outcome"] = "skipped"; e["skipReason"] = "bored"; }), "application/json"),
        (p, r) => (Entry(p, e => { e["outcome"] = "partial"; e["setsDone"] = r.Next(21, 999); }), "application/json"),
        (p, r) => (Entry(p, e => { e["outcome"] = "partial"; e["repsDone"] = -r.Next(1, 99); }), "application/json"),
        (p, r) => (Entry(p, e => e["prescribedExerciseId"] = Guid.NewGuid().ToString()), "application/json"),
        (p, r) => (Entry(p, e => e["prescribedExerciseId"] = "x"), "application/json"),
        (p, r) => (Entry(p, e => e["extra"] = true), "application/json"),
        (p, r) => (Duplicate(p), "application/json"),
        (p, r) => (Set(p, "unknownField", "surprise"), "application/json"),
        (p, r) => (Set(p, "clinicId", Guid.NewGuid().ToString()), "application/json"),
        (p, r) => (Nest(r.Next(20, 200)), "application/json"),
        (p, r) => (Set(p, "painBefore", new JsonObject { ["value"] = 3 }), "application/json"),
    ];

    private static string Set(JsonObject p, string name, JsonNode? value)
    {
        p[name] = value;
        return p.ToJsonString();
    }

    private static string Remove(JsonObject p, string name)
    {
        p.Remove(name);
        return p.ToJsonString();
    }

    private static string Entry(JsonObject p, Action<JsonObject> change)
    {
        change(p["entries"]![0]!.AsObject());
        return p.ToJsonString();
    }

    private static string Duplicate(JsonObject p)
    {
        var entries = p["entries"]!.AsArray();
        entries.Add(entries[0]!.DeepClone());
        return p.ToJsonString();
    }

    private static string Nest(int depth) => new string('[', depth) + new string(']', depth);

    private static string Garbage(Random random)
    {
        const string Alphabet = "{}[]\":,abc123 \\\u00e9\u2603\n\t";
        return new string(Enumerable.Range(0, random.Next(1, 80)).Select(_ => Alphabet[random.Next(Alphabet.Length)]).ToArray());
    }
}
