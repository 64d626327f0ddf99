using CooperationModel.Domain.Model;

namespace CooperationModel.Domain.Tests.Model;

public sealed class TextDiffTests
{
    [Fact]
    public void Compare_Same_AllRowsSame()
    {
        var rows = TextDiff.Compare(["a", "b"], ["a", "b"]);
        rows.ShouldBe([new DiffRow(DiffKind.Same, "a", "a"), new DiffRow(DiffKind.Same, "b", "b")]);
        TextDiff.HasChanges(rows).ShouldBeFalse();
    }

    [Fact]
    public void Compare_LineReplaced_PairedAsChanged() =>
        TextDiff.Compare(["a", "b", "c"], ["a", "B", "c"]).ShouldBe([
            new DiffRow(DiffKind.Same, "a", "a"),
            new DiffRow(DiffKind.Changed, "b", "B"),
            new DiffRow(DiffKind.Same, "c", "c"),
        ]);

    [Fact]
    public void Compare_AddedAndRemoved_KeepTheirPlace() =>
        TextDiff.Compare(["a", "b", "c"], ["b", "c", "d"]).ShouldBe([
            new DiffRow(DiffKind.Removed, "a", null),
            new DiffRow(DiffKind.Same, "b", "b"),
            new DiffRow(DiffKind.Same, "c", "c"),
            new DiffRow(DiffKind.Added, null, "d"),
        ]);

    [Fact]
    public void Compare_LongerReplacement_PairsThenAdds() =>
        TextDiff.Compare(["x"], ["y", "z"]).ShouldBe([
            new DiffRow(DiffKind.Changed, "x", "y"),
            new DiffRow(DiffKind.Added, null, "z"),
        ]);

    [Fact]
    public void Compare_Empty_Sides()
    {
        TextDiff.Compare([], ["a"]).ShouldBe([new DiffRow(DiffKind.Added, null, "a")]);
        TextDiff.Compare(["a"], []).ShouldBe([new DiffRow(DiffKind.Removed, "a", null)]);
        TextDiff.Compare([], []).ShouldBeEmpty();
    }

    [Fact]
    public void Compare_WhitespaceAtEnds_Ignored() =>
        TextDiff.HasChanges(TextDiff.Compare(["a "], [" a"])).ShouldBeFalse();

    [Fact]
    public void Compare_KeepsEveryLineOfBothSidesInOrder()
    {
        string[] published = ["1", "2", "3", "4", "5", "6"];
        string[] draft = ["0", "2", "x", "4", "6", "7", "8"];
        var rows = TextDiff.Compare(published, draft);
        rows.Select(r => r.Published).OfType<string>().ShouldBe(published);
        rows.Select(r => r.Draft).OfType<string>().ShouldBe(draft);
        rows.Count(r => r.Kind == DiffKind.Same).ShouldBe(3);
    }

    [Fact]
    public void Lines_SplitsAndTrimsEmptyEnds() =>
        TextDiff.Lines("\r\na\r\n\r\nb  \n\n").ShouldBe(["a", "", "b"]);
}
