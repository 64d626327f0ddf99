using System.Collections.Concurrent;

namespace CooperationModel.LoadDriver;

/// <summary>
/// A circuit's page as the browser holds it, reduced to what finding an event handler needs: the logical tree of
/// elements and component containers (a component's frames are the children of its container, which stands as one
/// child in its parent's element), each element with its name, data-testid and event handlers; text and markup are one
/// shared leaf (their place counts, their content is not kept). <see cref="RenderBatch.Apply"/> keeps it current. A
/// handler is found by its element's place in the tree: the element's data-testid, or its nearest ancestor's.
/// Not thread-safe: the circuit locks it.
/// </summary>
public sealed class ElementTree
{
    /// <summary>Element names, event names and test ids: a few hundred strings, shared by every circuit of the process.</summary>
    private static readonly ConcurrentDictionary<string, string> Strings = new(StringComparer.Ordinal);

    private readonly Dictionary<int, Node> _components = [];
    private readonly Dictionary<ulong, Node> _handlers = [];
    private readonly List<Node> _roots = [];

    /// <summary>Live event handlers.</summary>
    public int HandlerCount => _handlers.Count;

    /// <summary>Nodes in the tree (elements, containers, leaves), for a test of the tree's size.</summary>
    public int NodeCount => _roots.Sum(r => r.Size);

    internal static string Intern(string value) => Strings.GetOrAdd(value, value);

    /// <summary>A component's container; a component not yet placed in a parent is a root (the page's root components).</summary>
    internal Node Component(int id)
    {
        if (!_components.TryGetValue(id, out var container))
        {
            container = new Node(null);
            _components[id] = container;
            _roots.Add(container);
        }
        return container;
    }

    /// <summary>A component's container for its frame in a parent's element (no root then).</summary>
    internal Node Place(int id)
    {
        if (!_components.TryGetValue(id, out var container))
        {
            container = new Node(null);
            _components[id] = container;
        }
        else
        {
            _roots.Remove(container);
        }

        return container;
    }

    internal void DisposeComponent(int id)
    {
        if (_components.Remove(id, out var container))
        {
            _roots.Remove(container);
            if (container.Parent is { } parent)
            {
                // Its parent normally removed its frame first; a disposed component shows nothing.
                parent.Detach(container);
            }

            ForgetHandlers(container);
        }
    }

    internal void SetHandler(Node element, string eventName, ulong id)
    {
        var handlers = element.Handlers ??= [];
        var existing = handlers.FindIndex(h => h.EventName == eventName);
        if (existing >= 0)
        {
            _handlers.Remove(handlers[existing].Id);
            handlers[existing] = (eventName, id);
        }
        else
        {
            handlers.Add((eventName, id));
        }

        _handlers[id] = element;
    }

    internal void RemoveHandler(Node element, string eventName)
    {
        if (element.Handlers?.FindIndex(h => h.EventName == eventName) is >= 0 and var index)
        {
            _handlers.Remove(element.Handlers[index].Id);
            element.Handlers.RemoveAt(index);
        }
    }

    /// <summary>As the browser's event delegator forgets a disposed handler id.</summary>
    internal void DisposeHandler(ulong id)
    {
        if (_handlers.Remove(id, out var element))
        {
            element.Handlers?.RemoveAll(h => h.Id == id);
        }
    }

    /// <summary>Removes child <paramref name="index"/> of <paramref name="parent"/> and forgets the handlers under it.</summary>
    internal void Remove(Node parent, int index)
    {
        var removed = parent.RemoveAt(index);
        if (removed.IsContainer)
        {
            // A component's container goes with its frame; the component is disposed in the same batch.
            removed.Parent = null;
            return;
        }

        ForgetHandlers(removed);
    }

    private void ForgetHandlers(Node node)
    {
        if (node.Handlers is { } handlers)
        {
            foreach (var (_, id) in handlers)
            {
                _handlers.Remove(id);
            }
        }

        for (var i = 0; i < node.Count; i++)
        {
            if (node.Children![i] is { IsContainer: false } child && child != Node.Leaf)
            {
                ForgetHandlers(child);
            }
        }
    }

    /// <summary>
    /// The live handlers of an event, in document order, on elements whose own or nearest ancestor's data-testid is
    /// <paramref name="testId"/> (any, when null), on an element of that name when <paramref name="element"/> is given.
    /// </summary>
    public List<EventHandlerFrame> Find(string? testId, string? eventName, string? element = null)
    {
        var found = new List<EventHandlerFrame>();
        foreach (var root in _roots)
        {
            Visit(root, null);
        }

        return found;

        void Visit(Node node, string? inherited)
        {
            var current = node.TestId ?? inherited;
            if (node.Handlers is { } handlers && (testId is null || current == testId) && (element is null || node.Name == element))
            {
                foreach (var (name, id) in handlers)
                {
                    if (eventName is null || name == eventName)
                    {
                        found.Add(new EventHandlerFrame(id, name, current, node.Name ?? ""));
                    }
                }
            }

            for (var i = 0; i < node.Count; i++)
            {
                if (node.Children![i] is var child && child != Node.Leaf)
                {
                    Visit(child, current);
                }
            }
        }
    }

    /// <summary>Whether an element with this data-testid is in the page.</summary>
    public bool Contains(string testId)
    {
        return _roots.Any(Has);

        bool Has(Node node)
        {
            if (node.TestId == testId)
            {
                return true;
            }

            for (var i = 0; i < node.Count; i++)
            {
                if (node.Children![i] is var child && child != Node.Leaf && Has(child))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>An element (a name) or a component's container (no name), or the shared leaf of text and markup.</summary>
    public sealed class Node(string? name)
    {
        /// <summary>Every text and markup node: only its place among its siblings counts.</summary>
        public static readonly Node Leaf = new("#text");

        public string? Name { get; } = name;

        public string? TestId { get; set; }

        public Node? Parent { get; set; }

        public List<(string EventName, ulong Id)>? Handlers { get; set; }

        public Node[]? Children { get; private set; }

        public int Count { get; private set; }

        public bool IsElement => Name is not null && this != Leaf;

        public bool IsContainer => Name is null;

        internal int Size
        {
            get
            {
                var size = 1;
                for (var i = 0; i < Count; i++)
                {
                    size += Children![i] == Leaf ? 1 : Children[i].Size;
                }

                return size;
            }
        }

        public Node? ChildAt(int index) => index >= 0 && index < Count ? Children![index] : null;

        internal void Insert(int index, Node child)
        {
            if (index < 0 || index > Count)
            {
                throw new InvalidDataException($"Cannot insert at {index} of {Count} children.");
            }

            if (child != Leaf)
            {
                child.Parent?.Detach(child);
                child.Parent = this;
            }

            if (Children is null || Count == Children.Length)
            {
                var grown = new Node[Math.Max(2, Count * 2)];
                Children?.AsSpan(0, Count).CopyTo(grown);
                Children = grown;
            }

            Array.Copy(Children, index, Children, index + 1, Count - index);
            Children[index] = child;
            Count++;
        }

        internal Node RemoveAt(int index)
        {
            var removed = ChildAt(index) ?? throw new InvalidDataException($"No child {index} of {Count} to remove.");
            Array.Copy(Children!, index + 1, Children!, index, Count - index - 1);
            Children![--Count] = null!;
            return removed;
        }

        internal void Detach(Node child)
        {
            var index = Array.IndexOf(Children ?? [], child, 0, Count);
            if (index >= 0)
            {
                RemoveAt(index);
            }

            child.Parent = null;
        }

        /// <summary>Moves children: each (from, to) puts the child that was at from at to, all read before any moves.</summary>
        internal void Permute(List<(int From, int To)> moves)
        {
            var before = moves.Select(m => ChildAt(m.From) ?? throw new InvalidDataException($"No child {m.From} to move.")).ToList();
            for (var i = 0; i < moves.Count; i++)
            {
                if (moves[i].To < 0 || moves[i].To >= Count)
                {
                    throw new InvalidDataException($"Cannot move to child {moves[i].To} of {Count}.");
                }

                Children![moves[i].To] = before[i];
            }
        }
    }
}
