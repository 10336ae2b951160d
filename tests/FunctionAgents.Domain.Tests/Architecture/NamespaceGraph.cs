using System.Reflection;
using System.Reflection.Emit;

namespace FunctionAgents.Domain.Tests.Architecture;

/// <summary>
/// The namespace dependency graph of a compiled assembly: an edge A → B when a type of namespace A names a type of
/// namespace B of the same assembly in a signature (base type, interface, field, property, parameter, return type,
/// generic argument) or in a method body (every type, method and field token of its IL). Compiler-generated types
/// (lambdas, iterators, async state machines) count for the namespace of the type that declares them.
/// </summary>
internal sealed class NamespaceGraph
{
    private const BindingFlags Declared =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(field => (OpCode)field.GetValue(null)!)
        .ToDictionary(code => code.Value);

    private readonly Assembly _assembly;

    private NamespaceGraph(Assembly assembly) => _assembly = assembly;

    /// <summary>For each namespace, the namespaces it uses and one type edge that shows each use.</summary>
    public Dictionary<string, Dictionary<string, string>> Edges { get; } = new(StringComparer.Ordinal);

    public static NamespaceGraph Of(Assembly assembly)
    {
        var graph = new NamespaceGraph(assembly);
        foreach (var type in assembly.GetTypes())
        {
            graph.AddType(type);
        }

        return graph;
    }

    /// <summary>Every cycle (strongly connected set of two or more namespaces), each with the edges that close it.</summary>
    public IReadOnlyList<string> Cycles()
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var cycles = new List<string>();
        var counter = 0;

        void Visit(string node)
        {
            index[node] = low[node] = counter++;
            stack.Push(node);
            onStack.Add(node);
            foreach (var next in Edges.GetValueOrDefault(node)?.Keys ?? Enumerable.Empty<string>())
            {
                if (!index.TryGetValue(next, out var seen))
                {
                    Visit(next);
                    low[node] = Math.Min(low[node], low[next]);
                }
                else if (onStack.Contains(next))
                {
                    low[node] = Math.Min(low[node], seen);
                }
            }

            if (low[node] != index[node])
            {
                return;
            }

            var component = new List<string>();
            string member;
            do
            {
                member = stack.Pop();
                onStack.Remove(member);
                component.Add(member);
            }
            while (member != node);

            if (component.Count > 1)
            {
                var edges = component
                    .SelectMany(from => Edges[from].Where(edge => component.Contains(edge.Key)).Select(edge => $"{from} -> {edge.Key} ({edge.Value})"))
                    .Order(StringComparer.Ordinal);
                cycles.Add(string.Join("; ", edges));
            }
        }

        foreach (var node in Edges.Keys.Order(StringComparer.Ordinal).ToList())
        {
            if (!index.ContainsKey(node))
            {
                Visit(node);
            }
        }

        return cycles;
    }

    private void AddType(Type type)
    {
        Use(type, type.BaseType);
        foreach (var implemented in type.GetInterfaces())
        {
            Use(type, implemented);
        }

        foreach (var field in type.GetFields(Declared))
        {
            Use(type, field.FieldType);
        }

        foreach (var property in type.GetProperties(Declared))
        {
            Use(type, property.PropertyType);
        }

        foreach (var method in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
        {
            if (method is MethodInfo info)
            {
                Use(type, info.ReturnType);
            }

            foreach (var parameter in method.GetParameters())
            {
                Use(type, parameter.ParameterType);
            }

            AddBody(type, method);
        }
    }

    private void AddBody(Type owner, MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            return;
        }

        var typeArguments = owner.IsGenericType ? owner.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var position = 0;
        while (position < il.Length)
        {
            var value = (short)il[position++];
            if (value == 0xFE)
            {
                value = unchecked((short)(0xFE00 | il[position++]));
            }

            var code = OpCodesByValue[value];
            switch (code.OperandType)
            {
                case OperandType.InlineNone:
                    break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                    position += 1;
                    break;
                case OperandType.InlineVar:
                    position += 2;
                    break;
                case OperandType.InlineI8 or OperandType.InlineR:
                    position += 8;
                    break;
                case OperandType.InlineSwitch:
                    position += 4 + (4 * BitConverter.ToInt32(il, position));
                    break;
                case OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineTok or OperandType.InlineType:
                    UseToken(owner, BitConverter.ToInt32(il, position), typeArguments, methodArguments);
                    position += 4;
                    break;
                default:
                    position += 4;
                    break;
            }
        }
    }

    private void UseToken(Type owner, int token, Type[]? typeArguments, Type[]? methodArguments)
    {
        MemberInfo member;
        try
        {
            member = owner.Module.ResolveMember(token, typeArguments, methodArguments)!;
        }
        catch (ArgumentException)
        {
            return;
        }

        switch (member)
        {
            case Type type:
                Use(owner, type);
                break;
            case FieldInfo field:
                Use(owner, field.DeclaringType);
                Use(owner, field.FieldType);
                break;
            case MethodBase called:
                Use(owner, called.DeclaringType);
                foreach (var argument in called.IsGenericMethod ? called.GetGenericArguments() : [])
                {
                    Use(owner, argument);
                }

                break;
        }
    }

    private void Use(Type owner, Type? used)
    {
        if (used is null)
        {
            return;
        }

        if (used.HasElementType)
        {
            Use(owner, used.GetElementType());
            return;
        }

        if (used.IsGenericType && !used.IsGenericTypeDefinition)
        {
            foreach (var argument in used.GetGenericArguments())
            {
                Use(owner, argument);
            }

            used = used.GetGenericTypeDefinition();
        }

        if (used.IsGenericParameter || used.Assembly != _assembly)
        {
            return;
        }

        var from = NamespaceOf(owner);
        var to = NamespaceOf(used);
        if (from is null || to is null || from == to)
        {
            return;
        }

        var targets = Edges.TryGetValue(from, out var existing) ? existing : Edges[from] = new(StringComparer.Ordinal);
        targets.TryAdd(to, $"{Outermost(owner).Name} uses {Outermost(used).Name}");
    }

    private static string? NamespaceOf(Type type) => Outermost(type).Namespace;

    private static Type Outermost(Type type)
    {
        while (type.DeclaringType is { } declaring)
        {
            type = declaring;
        }

        return type;
    }
}
