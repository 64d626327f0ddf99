using System.Buffers.Binary;
using System.Text;

namespace CooperationModel.LoadDriver;

/// <summary>An event handler the server attached to an element: what a browser's event delegator would hold.</summary>
/// <param name="Id">The handler id to dispatch.</param>
/// <param name="EventName">"onclick" → "click".</param>
/// <param name="TestId">The data-testid of the nearest element above it in the same frames (null when none).</param>
/// <param name="Element">The element's name (button, input...).</param>
public sealed record EventHandlerFrame(ulong Id, string EventName, string? TestId, string Element);

/// <summary>
/// Reads Blazor's binary render batch (RenderBatchWriter's layout, as blazor.web.js reads it): the strings it carries
/// (the text a page shows), the event handlers in its reference frames and the handlers it disposes.
/// </summary>
public sealed class RenderBatch
{
    private const int ElementFrame = 1;
    private const int AttributeFrame = 3;
    private const int TextFrame = 2;
    private const int MarkupFrame = 8;
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

    public static RenderBatch Read(ReadOnlySpan<byte> data)
    {
        var length = data.Length;
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

        var texts = new List<string>();
        var handlers = new List<EventHandlerFrame>();
        // Elements whose subtree we are inside: (the frame index where it ends, its data-testid).
        var open = new Stack<(int End, string? TestId, string Name)>();
        var count = Int(data, referenceFrames);
        for (var i = 0; i < count; i++)
        {
            var frame = referenceFrames + 4 + (FrameSize * i);
            while (open.Count > 0 && open.Peek().End <= i)
            {
                open.Pop();
            }

            switch (Int(data, frame))
            {
                case ElementFrame:
                    var subtree = Int(data, frame + 4);
                    var name = ReadString(data, Int(data, frame + 8)) ?? "";
                    open.Push((i + subtree, open.Count > 0 ? open.Peek().TestId : null, name));
                    break;
                case AttributeFrame:
                    var attribute = ReadString(data, Int(data, frame + 4)) ?? "";
                    var handler = BinaryPrimitives.ReadUInt64LittleEndian(data.Slice(frame + 12, 8));
                    if (attribute == "data-testid" && open.Count > 0)
                    {
                        var element = open.Pop();
                        open.Push((element.End, ReadString(data, Int(data, frame + 8)), element.Name));
                    }
                    else if (handler != 0 && attribute.StartsWith("on", StringComparison.Ordinal))
                    {
                        var (_, testId, elementName) = open.Count > 0 ? open.Peek() : (0, null, "");
                        handlers.Add(new EventHandlerFrame(handler, attribute[2..], testId, elementName));
                    }

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
