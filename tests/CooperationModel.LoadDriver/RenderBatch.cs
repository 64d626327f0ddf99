using System.Buffers.Binary;
using System.Text;

namespace CooperationModel.LoadDriver;

/// <summary>An event handler the server attached to an element: what a browser's event delegator would hold.</summary>
/// <param name="Id">The handler id to dispatch.</param>
/// <param name="EventName">"onclick" → "click".</param>
/// <param name="TestId">The data-testid of its element, or of the nearest ancestor that has one (across components); null when none.</param>
/// <param name="Element">The element's name (button, input...).</param>
public sealed record EventHandlerFrame(ulong Id, string EventName, string? TestId, string Element);

/// <summary>
/// Reads Blazor's binary render batch (RenderBatchWriter's layout: the updated components with their edits, the
/// reference frames, the disposed components and event handlers, the string table) and applies it to an
/// <see cref="ElementTree"/> as blazor.web.js's renderer applies it to the DOM.
/// </summary>
public static class RenderBatch
{
    private const int ElementFrame = 1;
    private const int TextFrame = 2;
    private const int AttributeFrame = 3;
    private const int ComponentFrame = 4;
    private const int RegionFrame = 5;
    private const int MarkupFrame = 8;

    private const int PrependFrameEdit = 1;
    private const int RemoveFrameEdit = 2;
    private const int SetAttributeEdit = 3;
    private const int RemoveAttributeEdit = 4;
    private const int UpdateTextEdit = 5;
    private const int StepInEdit = 6;
    private const int StepOutEdit = 7;
    private const int UpdateMarkupEdit = 8;
    private const int PermutationListEntryEdit = 9;
    private const int PermutationListEndEdit = 10;

    private const int EditSize = 16;
    private const int FrameSize = 20;

    /// <summary>
    /// Applies a batch to <paramref name="tree"/>; the text and markup strings of its reference frames (what the page
    /// shows) go to <paramref name="texts"/> when it is given. Throws <see cref="InvalidDataException"/> when the batch
    /// does not fit the tree (as the browser's renderer would fail).
    /// </summary>
    public static void Apply(ReadOnlySpan<byte> data, ElementTree tree, ICollection<string>? texts = null)
    {
        var batch = new Reader(data);
        if (texts is not null)
        {
            var frameCount = batch.Int(batch.ReferenceFrames);
            for (var i = 0; i < frameCount; i++)
            {
                var frame = batch.Frame(i);
                if (batch.Int(frame) is TextFrame or MarkupFrame && batch.String(batch.Int(frame + 4)) is { Length: > 0 } text)
                {
                    texts.Add(text);
                }
            }
        }

        var diffs = batch.Int(batch.UpdatedComponents);
        for (var d = 0; d < diffs; d++)
        {
            var diff = batch.Int(batch.UpdatedComponents + 4 + (4 * d));
            ApplyEdits(batch, tree, tree.Component(batch.Int(diff)), diff + 4);
        }

        var disposedComponents = batch.Int(batch.DisposedComponents);
        for (var i = 0; i < disposedComponents; i++)
        {
            tree.DisposeComponent(batch.Int(batch.DisposedComponents + 4 + (4 * i)));
        }

        var disposedHandlers = batch.Int(batch.DisposedHandlers);
        for (var i = 0; i < disposedHandlers; i++)
        {
            tree.DisposeHandler(BinaryPrimitives.ReadUInt64LittleEndian(data.Slice(batch.DisposedHandlers + 4 + (8 * i), 8)));
        }
    }

    /// <summary>A component's edits, walked with a current parent and depth as the browser's renderer walks them.</summary>
    private static void ApplyEdits(Reader batch, ElementTree tree, ElementTree.Node component, int editsAt)
    {
        var parent = component;
        var depth = 0;
        List<(int From, int To)>? permutation = null;
        var count = batch.Int(editsAt);
        for (var e = 0; e < count; e++)
        {
            var edit = editsAt + 4 + (EditSize * e);
            var sibling = batch.Int(edit + 4);
            var third = batch.Int(edit + 8);
            switch (batch.Int(edit))
            {
                case PrependFrameEdit:
                    InsertFrame(batch, tree, parent, sibling, third);
                    break;
                case RemoveFrameEdit:
                    tree.Remove(parent, sibling);
                    break;
                case SetAttributeEdit:
                    ApplyAttribute(batch, tree, ElementAt(parent, sibling), batch.Frame(third));
                    break;
                case RemoveAttributeEdit:
                    var removed = batch.String(batch.Int(edit + 12)) ?? "";
                    var element = ElementAt(parent, sibling);
                    if (removed == "data-testid")
                    {
                        element.TestId = null;
                    }
                    else if (removed.StartsWith("on", StringComparison.Ordinal))
                    {
                        tree.RemoveHandler(element, removed[2..]);
                    }

                    break;
                case UpdateTextEdit:
                case UpdateMarkupEdit:
                    // Their content is not kept (only the texts the batch brings); the node stays where it is.
                    if (parent.ChildAt(sibling) is not { IsElement: false, IsContainer: false })
                    {
                        throw new InvalidDataException($"No text or markup at child {sibling} to update.");
                    }

                    break;
                case StepInEdit:
                    parent = parent.ChildAt(sibling) is { IsElement: true } into ? into : throw new InvalidDataException($"No element at child {sibling} to step into.");
                    depth++;
                    break;
                case StepOutEdit:
                    parent = depth > 0 && parent.Parent is { } up ? up : throw new InvalidDataException("A step out of the component.");
                    depth--;
                    break;
                case PermutationListEntryEdit:
                    (permutation ??= []).Add((sibling, third));
                    break;
                case PermutationListEndEdit:
                    parent.Permute(permutation ?? []);
                    permutation = null;
                    break;
                default:
                    throw new InvalidDataException($"Unknown edit type {batch.Int(edit)}.");
            }
        }
    }

    private static ElementTree.Node ElementAt(ElementTree.Node parent, int index) =>
        parent.ChildAt(index) is { IsElement: true } element ? element : throw new InvalidDataException($"No element at child {index}.");

    /// <summary>Inserts a frame (and its subtree) as child <paramref name="index"/>; returns how many nodes it added there.</summary>
    private static int InsertFrame(Reader batch, ElementTree tree, ElementTree.Node parent, int index, int frameIndex)
    {
        var frame = batch.Frame(frameIndex);
        switch (batch.Int(frame))
        {
            case ElementFrame:
                var element = new ElementTree.Node(ElementTree.Intern(batch.String(batch.Int(frame + 8)) ?? ""));
                var end = frameIndex + batch.Int(frame + 4);
                var child = frameIndex + 1;
                for (; child < end && batch.Int(batch.Frame(child)) == AttributeFrame; child++)
                {
                    ApplyAttribute(batch, tree, element, batch.Frame(child));
                }

                parent.Insert(index, element);
                InsertRange(batch, tree, element, 0, child, end);
                return 1;
            case TextFrame:
            case MarkupFrame:
                parent.Insert(index, ElementTree.Node.Leaf);
                return 1;
            case ComponentFrame:
                parent.Insert(index, tree.Place(batch.Int(frame + 8)));
                return 1;
            case RegionFrame:
                return InsertRange(batch, tree, parent, index, frameIndex + 1, frameIndex + batch.Int(frame + 4));
            case AttributeFrame:
                throw new InvalidDataException($"An attribute frame ({frameIndex}) that does not follow its element.");
            default:
                // An element or component reference capture, a named event: no node.
                return 0;
        }
    }

    private static int InsertRange(Reader batch, ElementTree tree, ElementTree.Node parent, int index, int start, int end)
    {
        var first = index;
        for (var i = start; i < end; i++)
        {
            index += InsertFrame(batch, tree, parent, index, i);
            var frame = batch.Frame(i);
            if (batch.Int(frame) is ElementFrame or ComponentFrame or RegionFrame)
            {
                i += batch.Int(frame + 4) - 1;
            }
        }

        return index - first;
    }

    /// <summary>An attribute on an element: only what finding a handler needs is kept (its handlers and data-testid).</summary>
    private static void ApplyAttribute(Reader batch, ElementTree tree, ElementTree.Node element, int frame)
    {
        var handler = BinaryPrimitives.ReadUInt64LittleEndian(batch.Data.Slice(frame + 12, 8));
        var name = batch.String(batch.Int(frame + 4)) ?? "";
        if (handler != 0)
        {
            tree.SetHandler(element, ElementTree.Intern(name.StartsWith("on", StringComparison.Ordinal) ? name[2..] : name), handler);
        }
        else if (name == "data-testid")
        {
            element.TestId = ElementTree.Intern(batch.String(batch.Int(frame + 8)) ?? "");
        }
    }

    /// <summary>The batch's bytes and the positions of its parts (the last five ints).</summary>
    private readonly ref struct Reader(ReadOnlySpan<byte> data)
    {
        public ReadOnlySpan<byte> Data { get; } = data;

        public int UpdatedComponents => Int(Data.Length - 20);

        public int ReferenceFrames => Int(Data.Length - 16);

        public int DisposedComponents => Int(Data.Length - 12);

        public int DisposedHandlers => Int(Data.Length - 8);

        private int StringTable => Int(Data.Length - 4);

        public int Int(int offset) => BinaryPrimitives.ReadInt32LittleEndian(Data.Slice(offset, 4));

        public int Frame(int index) => ReferenceFrames + 4 + (FrameSize * index);

        public string? String(int index)
        {
            if (index == -1)
            {
                return null;
            }

            var offset = Int(StringTable + (4 * index));
            // A 7-bit encoded length, then UTF-8 (BinaryWriter.Write(string)).
            int size = 0, shift = 0, read = 0;
            while (true)
            {
                var b = Data[offset + read++];
                size |= (b & 0x7F) << shift;
                if (b < 0x80)
                {
                    break;
                }

                shift += 7;
            }

            return Encoding.UTF8.GetString(Data.Slice(offset + read, size));
        }
    }
}
