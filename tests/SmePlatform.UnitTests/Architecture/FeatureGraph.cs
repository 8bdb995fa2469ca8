using System.Reflection;
using System.Reflection.Emit;

namespace SmePlatform.UnitTests.Architecture;

/// <summary>
/// Which feature uses which, read from the compiled Web assembly: a type belongs to the feature named by its namespace's
/// segment after <c>SmePlatform.Web.Features.</c> (<c>Admin.X</c> is a feature of its own), a compiled view to the folder
/// its <c>.cshtml</c> is in. A type depends on every type it names: its base type and interfaces, its fields', properties',
/// parameters' and return types, its attributes (and the types they name), its methods' locals, and every type, method
/// and field its methods' bodies use (the IL read token by token). Compiler-made types (lambdas, async state machines)
/// are nested in the type they were written in, so they count for it. Constants and <c>nameof</c> are copied into the IL
/// as values and leave no trace: a feature that reads only another's <c>const</c> is not seen depending on it.
/// </summary>
public sealed class FeatureGraph
{
    private const string FeaturesNamespace = "SmePlatform.Web.Features.";
    private const string CompiledViewAttribute = "Microsoft.AspNetCore.Razor.Hosting.RazorCompiledItemAttribute";
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(field => (OpCode)field.GetValue(null)!)
        .ToDictionary(code => code.Value);

    private readonly Dictionary<Type, string> _views;

    private FeatureGraph(Assembly assembly)
    {
        _views = assembly.GetCustomAttributesData()
            .Where(a => a.AttributeType.FullName == CompiledViewAttribute && a.ConstructorArguments.Count == 3)
            .Select(a => (Type: (Type)a.ConstructorArguments[0].Value!, Path: (string)a.ConstructorArguments[2].Value!))
            .Select(v => (v.Type, Feature: FeatureOfViewPath(v.Path)))
            .Where(v => v.Feature is not null)
            .ToDictionary(v => v.Type, v => v.Feature!);

        foreach (var type in assembly.GetTypes())
        {
            if (FeatureOf(type) is not { } from)
            {
                continue;
            }

            Features.Add(from);
            foreach (var used in UsedBy(type).SelectMany(Expand).Distinct())
            {
                if (FeatureOf(used) is { } to && to != from)
                {
                    var key = (from, to);
                    if (!Edges.TryGetValue(key, out var because))
                    {
                        Edges[key] = because = [];
                    }

                    because.Add($"{Name(type)} uses {Name(used)}");
                }
            }
        }
    }

    /// <summary>Every feature that has a type or a view.</summary>
    public SortedSet<string> Features { get; } = new(StringComparer.Ordinal);

    /// <summary>Each (feature, feature it uses), with the uses that make it (type uses type).</summary>
    public Dictionary<(string From, string To), SortedSet<string>> Edges { get; } = [];

    public static FeatureGraph Of(Assembly assembly) => new(assembly);

    /// <summary>The feature a type belongs to; null outside <c>Features</c> (the data layer, the infrastructure).</summary>
    public string? FeatureOf(Type type)
    {
        var outer = type;
        while (outer.DeclaringType is { } declaring)
        {
            outer = declaring;
        }

        if (_views.TryGetValue(outer, out var view))
        {
            return view;
        }

        return outer.Namespace is { } name && name.StartsWith(FeaturesNamespace, StringComparison.Ordinal)
            ? FeatureOfPath(name[FeaturesNamespace.Length..].Split('.'))
            : null;
    }

    /// <summary>
    /// The cycles among features, leaving out the <paramref name="allowed"/> edges: for each group of features that reach
    /// each other, one closed path through it ("A → B → C → A") and every edge inside the group with one use that makes it.
    /// </summary>
    public List<string> Cycles(IReadOnlySet<(string From, string To)>? allowed = null)
    {
        bool Counted((string From, string To) edge) => allowed?.Contains(edge) != true;
        var cycles = new List<string>();
        foreach (var group in StronglyConnected(Counted).Where(g => g.Count > 1))
        {
            var path = ClosedPath(group, Counted);
            var inside = Edges.Keys.Where(e => Counted(e) && group.Contains(e.From) && group.Contains(e.To)).Order()
                .Select(e => $"  {e.From} → {e.To}: {Edges[e].First()}");
            cycles.Add(string.Join(" → ", path) + Environment.NewLine + string.Join(Environment.NewLine, inside));
        }

        return cycles;
    }

    /// <summary>The graph, one feature a line with those it uses.</summary>
    public string Describe() => string.Join(
        Environment.NewLine,
        Features.Select(f => $"{f} → {string.Join(", ", Next(f, _ => true))}"));

    private static string? FeatureOfViewPath(string path)
    {
        var parts = path.Trim('/').Split('/');
        return parts.Length > 2 && parts[0] == "Features" ? FeatureOfPath(parts[1..^1]) : null;
    }

    private static string? FeatureOfPath(string[] segments) => segments switch
    {
        ["Admin", var area, ..] => $"Admin.{area}",
        [var feature, ..] when feature.Length > 0 => feature,
        _ => null,
    };

    private static string Name(Type type) => type.FullName?.Replace("SmePlatform.Web.", "", StringComparison.Ordinal) ?? type.Name;

    /// <summary>Tarjan's strongly connected components over the features.</summary>
    private List<List<string>> StronglyConnected(Func<(string From, string To), bool> counted)
    {
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var groups = new List<List<string>>();

        void Visit(string feature)
        {
            index[feature] = low[feature] = index.Count;
            stack.Push(feature);
            foreach (var next in Next(feature, counted))
            {
                if (!index.TryGetValue(next, out var reached))
                {
                    Visit(next);
                    low[feature] = Math.Min(low[feature], low[next]);
                }
                else if (stack.Contains(next))
                {
                    low[feature] = Math.Min(low[feature], reached);
                }
            }

            if (low[feature] == index[feature])
            {
                var group = new List<string>();
                string member;
                do
                {
                    member = stack.Pop();
                    group.Add(member);
                }
                while (member != feature);
                groups.Add(group);
            }
        }

        foreach (var feature in Features.Where(f => !index.ContainsKey(f)))
        {
            Visit(feature);
        }

        return groups;
    }

    private IEnumerable<string> Next(string feature, Func<(string From, string To), bool> counted) =>
        Edges.Keys.Where(e => e.From == feature && counted(e)).Select(e => e.To).Order(StringComparer.Ordinal);

    /// <summary>The shortest way back to the group's first feature (alphabetically) from itself, within the group.</summary>
    private List<string> ClosedPath(List<string> group, Func<(string From, string To), bool> counted)
    {
        var start = group.Order(StringComparer.Ordinal).First();
        var previous = new Dictionary<string, string>();
        var queue = new Queue<string>([start]);
        while (queue.Count > 0)
        {
            var current = queue.Dequeue();
            foreach (var next in Next(current, counted).Where(group.Contains))
            {
                if (next == start)
                {
                    var path = new List<string> { start, current };
                    while (path[^1] != start)
                    {
                        path.Add(previous[path[^1]]);
                    }

                    path.Reverse();
                    return path;
                }

                if (previous.TryAdd(next, current))
                {
                    queue.Enqueue(next);
                }
            }
        }

        throw new InvalidOperationException($"No way back to {start} in its own group.");
    }

    private static IEnumerable<Type> UsedBy(Type type)
    {
        if (type.BaseType is { } baseType)
        {
            yield return baseType;
        }

        foreach (var used in type.GetInterfaces().Concat(AttributeTypes(type.CustomAttributes)))
        {
            yield return used;
        }

        foreach (var field in type.GetFields(Declared))
        {
            yield return field.FieldType;
            foreach (var used in AttributeTypes(field.CustomAttributes))
            {
                yield return used;
            }
        }

        foreach (var property in type.GetProperties(Declared))
        {
            yield return property.PropertyType;
            foreach (var used in AttributeTypes(property.CustomAttributes))
            {
                yield return used;
            }
        }

        foreach (var method in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
        {
            if (method is MethodInfo { ReturnType: var returned })
            {
                yield return returned;
            }

            foreach (var parameter in method.GetParameters())
            {
                yield return parameter.ParameterType;
                foreach (var used in AttributeTypes(parameter.CustomAttributes))
                {
                    yield return used;
                }
            }

            foreach (var used in AttributeTypes(method.CustomAttributes).Concat(InBody(method)))
            {
                yield return used;
            }
        }
    }

    private static IEnumerable<Type> AttributeTypes(IEnumerable<CustomAttributeData> attributes)
    {
        foreach (var attribute in attributes)
        {
            yield return attribute.AttributeType;
            foreach (var argument in attribute.ConstructorArguments.Concat(attribute.NamedArguments.Select(n => n.TypedValue)))
            {
                if (argument.Value is Type named)
                {
                    yield return named;
                }
            }
        }
    }

    /// <summary>The types a method's body names: its locals, and the operands of its instructions that are types, methods or fields.</summary>
    private static List<Type> InBody(MethodBase method)
    {
        var body = method.GetMethodBody();
        if (body is null)
        {
            return [];
        }

        var found = new List<Type>(body.LocalVariables.Select(l => l.LocalType));
        var il = body.GetILAsByteArray() ?? [];
        var typeArguments = method.DeclaringType is { IsGenericType: true } declaring ? declaring.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (var at = 0; at < il.Length;)
        {
            var value = (short)il[at++];
            if (value == 0xFE)
            {
                value = unchecked((short)(0xFE00 | il[at++]));
            }

            var code = OpCodesByValue[value];
            switch (code.OperandType)
            {
                case OperandType.InlineNone:
                    break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                    at += 1;
                    break;
                case OperandType.InlineVar:
                    at += 2;
                    break;
                case OperandType.InlineI8 or OperandType.InlineR:
                    at += 8;
                    break;
                case OperandType.InlineSwitch:
                    at += 4 + (4 * BitConverter.ToInt32(il, at));
                    break;
                case OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineTok or OperandType.InlineType:
                    found.AddRange(Resolve(method.Module, BitConverter.ToInt32(il, at), typeArguments, methodArguments));
                    at += 4;
                    break;
                default:
                    // InlineI, InlineBrTarget, ShortInlineR, InlineString, InlineSig: four bytes.
                    at += 4;
                    break;
            }
        }

        return found;
    }

    private static IEnumerable<Type> Resolve(Module module, int token, Type[]? typeArguments, Type[]? methodArguments)
    {
        var member = module.ResolveMember(token, typeArguments, methodArguments);
        switch (member)
        {
            case Type type:
                return [type];
            case FieldInfo field:
                return [field.DeclaringType!, field.FieldType];
            case MethodInfo called:
                return [called.DeclaringType!, called.ReturnType, .. called.GetParameters().Select(p => p.ParameterType),
                    .. called.IsGenericMethod ? called.GetGenericArguments() : []];
            case ConstructorInfo made:
                return [made.DeclaringType!, .. made.GetParameters().Select(p => p.ParameterType)];
            default:
                return [];
        }
    }

    /// <summary>A type and the types inside it: array elements, generic arguments.</summary>
    private static IEnumerable<Type> Expand(Type type)
    {
        if (type.HasElementType)
        {
            foreach (var inner in Expand(type.GetElementType()!))
            {
                yield return inner;
            }

            yield break;
        }

        if (type.IsGenericParameter)
        {
            yield break;
        }

        yield return type.IsGenericType ? type.GetGenericTypeDefinition() : type;
        if (type.IsGenericType)
        {
            foreach (var inner in type.GetGenericArguments().SelectMany(Expand))
            {
                yield return inner;
            }
        }
    }
}
