using System.Buffers;
using System.Buffers.Binary;
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

    /// <summary>A package (.docx, .xlsx) that inflates past the limits, or whose headers understate what it inflates to.</summary>
    CompressionBomb,

    /// <summary>A PDF that runs something when opened or used: JavaScript, a launch action, additional actions, an embedded file.</summary>
    ActiveContent,

    /// <summary>A file that cannot be read as the kind it claims (a PDF no reader can open, or one that needs a password).</summary>
    Damaged,
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
/// name the main part of that kind and no macro-enabled part or VBA project. At most 10 MB. A package is inflated
/// for real first, entry by entry with a bounded read (<see cref="MeasurePackage"/>): one that inflates past 100 MB or
/// 100 times its compressed size, or whose entries inflate to other sizes than their headers declare (a reader that
/// trusts the headers stops early and misses the rest), is a <see cref="AttachmentProblem.CompressionBomb"/>. A PDF's
/// active content is judged in the web app (PdfInspector), which reads PDF structure.
/// </summary>
public static class AttachmentInspector
{
    public const long MaxBytes = 10L * 1024 * 1024;

    public const long MaxBytesPerApplication = 50L * 1024 * 1024;

    /// <summary>The most a package's entries may inflate to, together.</summary>
    public const long MaxInflatedBytes = 100L * 1024 * 1024;

    /// <summary>The most a package may inflate to per byte compressed (Office files: 5-20), once it inflates past <see cref="RatioFloorBytes"/>.</summary>
    public const int MaxCompressionRatio = 100;

    /// <summary>Below this, inflated, a package's ratio is not judged: small files of repeated XML compress very well.</summary>
    public const long RatioFloorBytes = 1024 * 1024;

    /// <summary>More entries than an Office file has (a few dozen; hundreds with many images or sheets).</summary>
    public const int MaxPackageEntries = 5000;

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
        if (MeasurePackage(content) is not AttachmentProblem.None and var sizes)
        {
            return sizes;
        }

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

    /// <summary>
    /// Inflates every entry of a zip for real, as its central directory lists them, counting what comes out without
    /// keeping it, and stopping at <see cref="MaxInflatedBytes"/>: a bomb, a lie about a size (the inflated bytes differ
    /// from the declared size, which a reader that trusts it would stop at), or a structure that cannot be followed
    /// (<see cref="AttachmentProblem.ContentDoesNotMatch"/>; ZIP64, encryption and methods other than stored and deflate
    /// are not found in an Office file of 10 MB).
    /// </summary>
    public static AttachmentProblem MeasurePackage(byte[] zip)
    {
        var end = EndOfCentralDirectory(zip);
        if (end < 0)
        {
            return AttachmentProblem.ContentDoesNotMatch;
        }

        var entries = BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(end + 10));
        var directorySize = BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(end + 12));
        var directoryOffset = BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(end + 16));
        if (entries == ushort.MaxValue || directoryOffset == uint.MaxValue || directoryOffset + (long)directorySize > end)
        {
            return AttachmentProblem.ContentDoesNotMatch;
        }

        if (entries > MaxPackageEntries)
        {
            return AttachmentProblem.CompressionBomb;
        }

        long inflatedTotal = 0, compressedTotal = 0;
        var at = (int)directoryOffset;
        for (var i = 0; i < entries; i++)
        {
            if (at + 46 > end || BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(at)) != 0x02014B50)
            {
                return AttachmentProblem.ContentDoesNotMatch;
            }

            var header = zip.AsSpan(at);
            var flags = BinaryPrimitives.ReadUInt16LittleEndian(header[8..]);
            var method = BinaryPrimitives.ReadUInt16LittleEndian(header[10..]);
            long compressed = BinaryPrimitives.ReadUInt32LittleEndian(header[20..]);
            long declared = BinaryPrimitives.ReadUInt32LittleEndian(header[24..]);
            long local = BinaryPrimitives.ReadUInt32LittleEndian(header[42..]);
            at += 46 + BinaryPrimitives.ReadUInt16LittleEndian(header[28..]) + BinaryPrimitives.ReadUInt16LittleEndian(header[30..])
                + BinaryPrimitives.ReadUInt16LittleEndian(header[32..]);
            if ((flags & 1) != 0 || compressed == uint.MaxValue || declared == uint.MaxValue || local + 30 > zip.Length
                || BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan((int)local)) != 0x04034B50)
            {
                return AttachmentProblem.ContentDoesNotMatch;
            }

            var data = local + 30 + BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan((int)local + 26)) + BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan((int)local + 28));
            if (data + compressed > zip.Length)
            {
                return AttachmentProblem.ContentDoesNotMatch;
            }

            var inflated = method switch
            {
                0 => compressed,
                8 => Inflate(zip, (int)data, (int)compressed, MaxInflatedBytes - inflatedTotal),
                _ => -1,
            };
            if (inflated < 0)
            {
                return AttachmentProblem.ContentDoesNotMatch;
            }

            inflatedTotal += inflated;
            compressedTotal += compressed;
            if (inflatedTotal > MaxInflatedBytes || inflated != declared)
            {
                return AttachmentProblem.CompressionBomb;
            }
        }

        return inflatedTotal > RatioFloorBytes && inflatedTotal > compressedTotal * MaxCompressionRatio
            ? AttachmentProblem.CompressionBomb
            : AttachmentProblem.None;
    }

    /// <summary>How many bytes a deflated entry really inflates to, stopping once past <paramref name="budget"/>; -1 when it cannot be inflated.</summary>
    private static long Inflate(byte[] zip, int offset, int length, long budget)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            using var inflater = new DeflateStream(new MemoryStream(zip, offset, length, writable: false), CompressionMode.Decompress);
            long total = 0;
            int read;
            while ((read = inflater.Read(buffer)) > 0)
            {
                total += read;
                if (total > budget)
                {
                    break;
                }
            }

            return total;
        }
        catch (InvalidDataException)
        {
            return -1;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Where the end-of-central-directory record starts (searched back over a comment of up to 64 KB), or -1.</summary>
    private static int EndOfCentralDirectory(byte[] zip)
    {
        for (var at = zip.Length - 22; at >= Math.Max(0, zip.Length - 22 - ushort.MaxValue); at--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(at)) == 0x06054B50)
            {
                return at;
            }
        }

        return -1;
    }
}
