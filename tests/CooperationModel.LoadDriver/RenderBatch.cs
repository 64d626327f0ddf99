using System.Buffers.Binary;
using System.Text;

namespace CooperationModel.LoadDriver;

/// <summary>An event handler the server attached to an element: what a browser's event delegator would hold.</summary>
/// <param name="Id">The handler id to dispatch.</param>
/// <param name="EventName">"onclick" → "click".</param>
/// <param name="TestId">The data-testid of the nearest element above it in the same frames (null when none).</param>
/// <param name="Element">The element's name (button, input...).</param>
public sealed record EventHandlerFrame(ulong Id, string EventName, string? TestId, string Element)
{
    /// <summary>Where the handler stands among the page's: its first id, kept when a render gives the same attribute a new id.</summary>
    public ulong Order { get; init; } = Id;
}

/// <summary>
/// Reads Blazor's binary render batch (RenderBatchWriter's layout, as blazor.web.js reads it): the strings it carries
/// (the text a page shows), the event handlers in its reference frames and the handlers it disposes.
/// </summary>
public sealed class RenderBatch
{
    private const int ElementFrame = 1;
    private const int AttributeFrame = 3;
    private const int TextFrame = 2;
    private const int ComponentFrame = 4;
    private const int MarkupFrame = 8;
    private const int PrependFrameEdit = 1;
    private const int SetAttributeEdit = 3;
    private const int EditSize = 16;
    private const int FrameSize = 20;

    private RenderBatch(IReadOnlyList<string> texts, IReadOnlyList<EventHandlerFrame> handlers, IReadOnlyList<ulong> disposedHandlers)
    {
        Texts = texts;
        EventHandlers = handlers;
        DisposedEventHandlers = disposedHandlers;
    }

    /// <summary>The text and markup content of the batch's frames.</summary>
    public IReadOnlyList<string> Texts { get; }

    public IReadOnlyList<EventHandlerFrame> EventHandlers { get; }

    public IReadOnlyList<ulong> DisposedEventHandlers { get; }

    /// <summary>
    /// Reads a batch. <paramref name="componentTestIds"/> (kept by the circuit across batches) gives each component the
    /// data-testid its component frame stands in, so that an element inside a child component (a MudTabs' tab headers
    /// inside its tooltips) has the test id of the element around the component in its parent.
    /// </summary>
    public static RenderBatch Read(ReadOnlySpan<byte> data, IDictionary<int, string?>? componentTestIds = null)
    {
        componentTestIds ??= new Dictionary<int, string?>();
        var length = data.Length;
        var updatedComponents = Int(data, length - 20);
        var referenceFrames = Int(data, length - 16);
        var disposedHandlers = Int(data, length - 8);
        var stringTable = Int(data, length - 4);

        string? ReadString(ReadOnlySpan<byte> batch, int index)
        {
            if (index == -1)
            {
                return null;
            }

            var offset = Int(batch, stringTable + (4 * index));
            // A 7-bit encoded length, then UTF-8 (BinaryWriter.Write(string)).
            int size = 0, shift = 0, read = 0;
            while (true)
            {
                var b = batch[offset + read++];
                size |= (b & 0x7F) << shift;
                if (b < 0x80)
                {
                    break;
                }

                shift += 7;
            }

            return Encoding.UTF8.GetString(batch.Slice(offset + read, size));
        }

        // Which component's edit each reference frame starts (its frames follow it in the array).
        var editStarts = new Dictionary<int, int>();
        var diffs = Int(data, updatedComponents);
        for (var d = 0; d < diffs; d++)
        {
            var diff = Int(data, updatedComponents + 4 + (4 * d));
            var componentId = Int(data, diff);
            var edits = Int(data, diff + 4);
            for (var e = 0; e < edits; e++)
            {
                var edit = diff + 8 + (EditSize * e);
                if (Int(data, edit) is PrependFrameEdit or SetAttributeEdit)
                {
                    editStarts.TryAdd(Int(data, edit + 8), componentId);
                }
            }
        }

        var texts = new List<string>();
        var handlers = new List<EventHandlerFrame>();
        string? outside = null;
        // Elements whose subtree we are inside: (the frame index where it ends, its data-testid, its name, and the count of
        // handlers found before it: an element's attributes come right after it, in the order written, so a handler
        // attribute written before its element's data-testid gets that test id once it arrives).
        // A component frame stands in it too (Name "", its id): the attribute frames after it are its parameters.
        var open = new Stack<(int End, string? TestId, string Name, int FirstHandler, int Component)>();
        var count = Int(data, referenceFrames);
        for (var i = 0; i < count; i++)
        {
            var frame = referenceFrames + 4 + (FrameSize * i);
            while (open.Count > 0 && open.Peek().End <= i)
            {
                open.Pop();
            }

            if (open.Count == 0 && editStarts.TryGetValue(i, out var editOf))
            {
                outside = componentTestIds.TryGetValue(editOf, out var inherited) ? inherited : null;
            }

            var current = open.Count > 0 ? open.Peek().TestId : outside;

            switch (Int(data, frame))
            {
                case ElementFrame:
                    var subtree = Int(data, frame + 4);
                    var name = ReadString(data, Int(data, frame + 8)) ?? "";
                    open.Push((i + subtree, current, name, handlers.Count, -1));
                    break;
                case AttributeFrame:
                    var attribute = ReadString(data, Int(data, frame + 4)) ?? "";
                    var handler = BinaryPrimitives.ReadUInt64LittleEndian(data.Slice(frame + 12, 8));
                    if (attribute == "data-testid" && open.Count > 0 && open.Peek().Component >= 0)
                    {
                        // A component's data-testid parameter: what it renders stands in that test id.
                        componentTestIds[open.Peek().Component] = ReadString(data, Int(data, frame + 8));
                    }
                    else if (attribute == "data-testid" && open.Count > 0)
                    {
                        var element = open.Pop();
                        var testId = ReadString(data, Int(data, frame + 8));
                        open.Push((element.End, testId, element.Name, element.FirstHandler, -1));
                        for (var h = element.FirstHandler; h < handlers.Count; h++)
                        {
                            handlers[h] = handlers[h] with { TestId = testId };
                        }
                    }
                    else if (handler != 0 && attribute.StartsWith("on", StringComparison.Ordinal) && (open.Count == 0 || open.Peek().Component < 0))
                    {
                        handlers.Add(new EventHandlerFrame(handler, attribute[2..], current, open.Count > 0 ? open.Peek().Name : ""));
                    }

                    break;
                case ComponentFrame:
                    var component = Int(data, frame + 8);
                    componentTestIds[component] = current;
                    open.Push((i + Int(data, frame + 4), current, "", handlers.Count, component));
                    break;
                case TextFrame:
                case MarkupFrame:
                    if (ReadString(data, Int(data, frame + 4)) is { Length: > 0 } text)
                    {
                        texts.Add(text);
                    }

                    break;
            }
        }

        var disposed = new List<ulong>();
        var disposedCount = Int(data, disposedHandlers);
        for (var i = 0; i < disposedCount; i++)
        {
            disposed.Add(BinaryPrimitives.ReadUInt64LittleEndian(data.Slice(disposedHandlers + 4 + (8 * i), 8)));
        }

        return new RenderBatch(texts, handlers, disposed);
    }

    private static int Int(ReadOnlySpan<byte> data, int offset) => BinaryPrimitives.ReadInt32LittleEndian(data.Slice(offset, 4));
}
