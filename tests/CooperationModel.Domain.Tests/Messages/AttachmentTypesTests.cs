using System.Text;
using CooperationModel.Domain.Messages;

namespace CooperationModel.Domain.Tests.Messages;

/// <summary>A file's type comes from its leading bytes; its name is cleaned and given the extension of that type.</summary>
public class AttachmentTypesTests
{
    private const string Pdf = AttachmentTypes.Pdf;
    private const string Jpeg = AttachmentTypes.Jpeg;
    private const string Png = AttachmentTypes.Png;

    [Theory]
    [InlineData("255044462D312E370A", "application/pdf")]
    [InlineData("FFD8FFE000104A464946", "image/jpeg")]
    [InlineData("FFD8FFDB", "image/jpeg")]
    [InlineData("89504E470D0A1A0A0000000D", "image/png")]
    public void Detect_KnownSignature_IsItsType(string hex, string contentType) =>
        AttachmentTypes.Detect(Convert.FromHexString(hex)).ShouldBe(contentType);

    [Theory]
    [InlineData("")]
    [InlineData("4D5A9000")] // a Windows executable
    [InlineData("48656C6C6F")] // plain text
    [InlineData("474946383961")] // a GIF
    [InlineData("25504446")] // "%PDF" without the dash
    [InlineData("FFD8")] // the start of a JPEG
    [InlineData("89504E470D0A1A")] // the start of a PNG
    [InlineData("20255044462D")] // a PDF signature, but not at the start
    public void Detect_AnythingElse_IsNull(string hex) =>
        AttachmentTypes.Detect(Convert.FromHexString(hex)).ShouldBeNull();

    [Theory]
    [InlineData("raportti.pdf", Pdf, "raportti.pdf")]
    [InlineData("kuva.jpg", Jpeg, "kuva.jpg")]
    [InlineData("kuva.jpeg", Jpeg, "kuva.jpeg")]
    [InlineData("kuva.PNG", Png, "kuva.png")]
    [InlineData("  raportti.pdf ", Pdf, "raportti.pdf")]
    public void SafeFileName_NameOfItsType_KeptWithALowerCaseExtension(string fileName, string contentType, string expected) =>
        AttachmentTypes.SafeFileName(fileName, contentType).ShouldBe(expected);

    [Theory]
    [InlineData("skannaus.pdf", Png, "skannaus.png")]
    [InlineData("kuva.png", Jpeg, "kuva.jpg")]
    [InlineData("ohjelma.exe", Pdf, "ohjelma.pdf")]
    [InlineData("raportti", Pdf, "raportti.pdf")]
    [InlineData("arkisto.tar.gz", Pdf, "arkisto.tar.pdf")]
    public void SafeFileName_OtherOrNoExtension_GetsTheExtensionOfItsType(string fileName, string contentType, string expected) =>
        AttachmentTypes.SafeFileName(fileName, contentType).ShouldBe(expected);

    [Theory]
    [InlineData("C:\\päätökset\\päätös.pdf", "päätös.pdf")]
    [InlineData("/päätökset/päätös.pdf", "päätös.pdf")]
    [InlineData("../../etc/passwd", "passwd.pdf")]
    [InlineData("kansio/ali\\päätös.pdf", "päätös.pdf")]
    [InlineData("..\\..\\päätös.pdf", "päätös.pdf")]
    public void SafeFileName_WithFolders_KeepsOnlyTheFileName(string fileName, string expected) =>
        AttachmentTypes.SafeFileName(fileName, Pdf).ShouldBe(expected);

    [Theory]
    [InlineData("pää\0tös\t.pdf", "päätös.pdf")]
    [InlineData("pää\ntös\r\u007f\u0085.pdf", "päätös.pdf")]
    [InlineData("pää\"<tös>|:*?.pdf", "päätös.pdf")]
    public void SafeFileName_ControlOrReservedCharacters_Removed(string fileName, string expected) =>
        AttachmentTypes.SafeFileName(fileName, Pdf).ShouldBe(expected);

    [Theory]
    [InlineData(null, Jpeg, "liite.jpg")]
    [InlineData("", Pdf, "liite.pdf")]
    [InlineData("   ", Png, "liite.png")]
    [InlineData(".pdf", Pdf, "liite.pdf")]
    [InlineData("???.png", Png, "liite.png")]
    [InlineData("kansio/", Pdf, "liite.pdf")]
    [InlineData("\t\n", Pdf, "liite.pdf")]
    public void SafeFileName_NothingLeftOfTheName_FallsBackToLiite(string? fileName, string contentType, string expected) =>
        AttachmentTypes.SafeFileName(fileName, contentType).ShouldBe(expected);

    [Theory]
    [InlineData(300, ".pdf", Pdf, 196, ".pdf")]
    [InlineData(300, ".exe", Png, 196, ".png")]
    [InlineData(196, ".jpeg", Jpeg, 195, ".jpeg")]
    [InlineData(196, ".pdf", Pdf, 196, ".pdf")]
    public void SafeFileName_Long_CutTo200CharactersKeepingTheExtension(int stemLength, string extension, string contentType, int keptStem, string ending)
    {
        var name = AttachmentTypes.SafeFileName(new string('a', stemLength) + extension, contentType);

        name.ShouldBe(new string('a', keptStem) + ending);
        name.Length.ShouldBeLessThanOrEqualTo(MessageAttachment.FileNameMaxLength);
    }

    /// <summary>
    /// Bug: the cut counts UTF-16 code units, so it can split an emoji (a surrogate pair) and leave half of it. Such a
    /// name is no valid Unicode: a strict UTF-8 encoder (as the database driver uses) refuses it.
    /// </summary>
    [Fact]
    public void SafeFileName_LongNameOfEmoji_CutsBetweenCharacters()
    {
        var name = AttachmentTypes.SafeFileName("a" + string.Concat(Enumerable.Repeat("😀", 150)) + ".pdf", Pdf);

        name.Length.ShouldBeLessThanOrEqualTo(MessageAttachment.FileNameMaxLength);
        name.ShouldEndWith(".pdf");
        Should.NotThrow(() => new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetByteCount(name));
    }
}
