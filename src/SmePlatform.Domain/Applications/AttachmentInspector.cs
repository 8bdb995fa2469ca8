using System.IO.Compression;
using System.Text;

namespace SmePlatform.Domain.Applications;

public enum AttachmentKind
{
    Pdf,
    Jpeg,
    Png,
    Xlsx,
    Docx,
}

public enum AttachmentProblem
{
    None,
    Empty,
    TooLarge,
    ExtensionNotAllowed,
    ContentDoesNotMatch,
    CarriesMacros,
}

public sealed record AttachmentVerdict(AttachmentKind? Kind, AttachmentProblem Problem)
{
    public string ContentType => Kind switch
    {
        AttachmentKind.Pdf => "application/pdf",
        AttachmentKind.Jpeg => "image/jpeg",
        AttachmentKind.Png => "image/png",
        AttachmentKind.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        AttachmentKind.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        _ => "application/octet-stream",
    };
}

/// <summary>
/// Decides whether an uploaded file may be attached: PDF, JPEG, PNG, XLSX or DOCX only, judged by its extension
/// and by its content — the magic bytes, and for XLSX and DOCX the package's [Content_Types].xml, which must
/// name the main part of that kind and no macro-enabled part or VBA project. At most 10 MB.
/// </summary>
public static class AttachmentInspector
{
    public const long MaxBytes = 10L * 1024 * 1024;

    public const long MaxBytesPerApplication = 50L * 1024 * 1024;

    private static readonly Dictionary<string, AttachmentKind> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = AttachmentKind.Pdf,
        [".jpg"] = AttachmentKind.Jpeg,
        [".jpeg"] = AttachmentKind.Jpeg,
        [".png"] = AttachmentKind.Png,
        [".xlsx"] = AttachmentKind.Xlsx,
        [".docx"] = AttachmentKind.Docx,
    };

    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];

    public static AttachmentVerdict Inspect(string fileName, byte[] content)
    {
        if (!Extensions.TryGetValue(Path.GetExtension(fileName), out var kind))
        {
            return new AttachmentVerdict(null, AttachmentProblem.ExtensionNotAllowed);
        }

        if (content.Length == 0)
        {
            return new AttachmentVerdict(kind, AttachmentProblem.Empty);
        }

        if (content.Length > MaxBytes)
        {
            return new AttachmentVerdict(kind, AttachmentProblem.TooLarge);
        }

        var span = content.AsSpan();
        var problem = kind switch
        {
            AttachmentKind.Pdf => span.StartsWith("%PDF-"u8) ? AttachmentProblem.None : AttachmentProblem.ContentDoesNotMatch,
            AttachmentKind.Jpeg => span.StartsWith((byte[])[0xFF, 0xD8, 0xFF]) ? AttachmentProblem.None : AttachmentProblem.ContentDoesNotMatch,
            AttachmentKind.Png => span.StartsWith((byte[])[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) ? AttachmentProblem.None : AttachmentProblem.ContentDoesNotMatch,
            _ => span.StartsWith(Zip) ? InspectPackage(content, kind) : AttachmentProblem.ContentDoesNotMatch,
        };
        return new AttachmentVerdict(kind, problem);
    }

    private static AttachmentProblem InspectPackage(byte[] content, AttachmentKind kind)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            if (zip.Entries.Any(e => e.FullName.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase)))
            {
                return AttachmentProblem.CarriesMacros;
            }

            var types = zip.GetEntry("[Content_Types].xml");
            if (types is null || types.Length > 1024 * 1024)
            {
                return AttachmentProblem.ContentDoesNotMatch;
            }

            using var reader = new StreamReader(types.Open(), Encoding.UTF8);
            var xml = reader.ReadToEnd();
            if (xml.Contains("macroEnabled", StringComparison.OrdinalIgnoreCase) || xml.Contains("vbaProject", StringComparison.OrdinalIgnoreCase))
            {
                return AttachmentProblem.CarriesMacros;
            }

            var main = kind == AttachmentKind.Xlsx
                ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
                : "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
            return xml.Contains(main, StringComparison.Ordinal) ? AttachmentProblem.None : AttachmentProblem.ContentDoesNotMatch;
        }
        catch (InvalidDataException)
        {
            return AttachmentProblem.ContentDoesNotMatch;
        }
    }
}
