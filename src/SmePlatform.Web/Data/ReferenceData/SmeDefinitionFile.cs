using System.Text.Json;
using SmePlatform.Domain.Businesses;

namespace SmePlatform.Web.Data.ReferenceData;

/// <summary>Reads the SME definition's data (sme-definition.json, sources inside) into the domain's <see cref="SmeDefinition"/>.</summary>
public static class SmeDefinitionFile
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static SmeDefinition Load(string folder)
    {
        var file = JsonSerializer.Deserialize<Content>(File.ReadAllText(Path.Combine(folder, "sme-definition.json")), Options)
            ?? throw new InvalidDataException("sme-definition.json is empty.");
        return new SmeDefinition(
            file.Rules.Select(r => new SmeLimits(r.Name, r.CapitalYen, r.Employees, r.SmallScaleEmployees)),
            file.DefaultRule,
            file.Assignments.Select(a => ((IReadOnlyList<string>)a.Codes, (IReadOnlyList<string>)a.Rules, a.Detail)),
            file.MiddleRanges.ToDictionary(p => p.Key, p => (p.Value[0], p.Value[1])));
    }

    private sealed record Content(List<Rule> Rules, string DefaultRule, List<AssignmentRow> Assignments, Dictionary<string, string[]> MiddleRanges);

    private sealed record Rule(string Name, long CapitalYen, int Employees, int SmallScaleEmployees);

    private sealed record AssignmentRow(List<string> Codes, List<string> Rules, string? Detail);
}
