using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace SmePlatform.TestSupport;

/// <summary>Small real files of each kind an application may attach, and the impostors it must refuse.</summary>
public static class SampleFiles
{
    /// <summary>
    /// A minimal PDF of one blank page that a PDF reader opens (catalog, page tree, page, cross-reference table), padded
    /// with a comment after its header to <paramref name="size"/> bytes when given.
    /// </summary>
    public static byte[] Pdf(int size = 0)
    {
        var pdf = PdfOf("", [], padding: 0);
        // The padding moves the cross-reference table, whose offset may take more digits: adjust until the size is exact.
        var padding = size - pdf.Length;
        for (var tries = 0; tries < 5 && size > 0 && pdf.Length != size && padding > 1; tries++)
        {
            pdf = PdfOf("", [], padding: padding);
            padding += size - pdf.Length;
        }

        return pdf;
    }

    /// <summary>A PDF whose catalog opens a JavaScript action (<c>/OpenAction</c> → <c>/S /JavaScript /JS</c>).</summary>
    public static byte[] PdfWithOpenActionJavaScript() => PdfOf("/OpenAction 4 0 R", ["<</Type/Action/S/JavaScript/JS(app.alert\\('x'\\))>>"]);

    /// <summary>A PDF with a link that launches a program (<c>/Annots</c> → <c>/A</c> → <c>/S /Launch</c>).</summary>
    public static byte[] PdfWithLaunchAction() =>
        PdfOf("", ["<</Type/Annot/Subtype/Link/Rect[0 0 100 100]/A<</S/Launch/F(calc.exe)>>>>"], pageExtra: "/Annots[4 0 R]");

    /// <summary>A PDF whose page acts when it is opened (<c>/AA</c> → <c>/O</c>), here only going to itself.</summary>
    public static byte[] PdfWithAdditionalActions() => PdfOf("", [], pageExtra: "/AA<</O<</S/GoTo/D[3 0 R/Fit]>>>>");

    /// <summary>A PDF carrying an embedded file in its name tree (<c>/Names</c> → <c>/EmbeddedFiles</c>).</summary>
    public static byte[] PdfWithEmbeddedFile() => PdfOf(
        "/Names<</EmbeddedFiles<</Names[(a.exe) 4 0 R]>>>>",
        ["<</Type/Filespec/F(a.exe)/EF<</F 5 0 R>>>>", "<</Type/EmbeddedFile/Length 2>>stream\nMZ\nendstream"]);

    /// <summary>
    /// A PDF 1.5 whose JavaScript action (the catalog's <c>/OpenAction</c>) sits in a Flate-compressed object stream, found
    /// through a cross-reference stream: nothing of it can be read in the file's bytes.
    /// </summary>
    public static byte[] PdfWithJavaScriptInACompressedObjectStream()
    {
        var pdf = new MemoryStream();
        var offsets = new Dictionary<int, long>();
        void Text(string text) => pdf.Write(Encoding.ASCII.GetBytes(text));
        void Stream(int number, string dictionary, byte[] data)
        {
            offsets[number] = pdf.Position;
            Text($"{number} 0 obj\n<<{dictionary}/Length {data.Length.ToString(CultureInfo.InvariantCulture)}>>stream\n");
            pdf.Write(data);
            Text("\nendstream\nendobj\n");
        }

        Text("%PDF-1.7\n");
        foreach (var (number, body) in new[] { (1, "<</Type/Catalog/Pages 2 0 R/OpenAction 4 0 R>>"), (2, "<</Type/Pages/Kids[3 0 R]/Count 1>>"), (3, "<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>") })
        {
            offsets[number] = pdf.Position;
            Text($"{number} 0 obj\n{body}\nendobj\n");
        }

        const string Header = "4 0 ";
        using (var compressed = new MemoryStream())
        {
            using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
            {
                zlib.Write(Encoding.ASCII.GetBytes(Header + "<</S/JavaScript/JS(app.alert\\(1\\))>>"));
            }

            Stream(5, $"/Type/ObjStm/N 1/First {Header.Length}/Filter/FlateDecode", compressed.ToArray());
        }

        offsets[6] = pdf.Position;
        var entries = new MemoryStream();
        void Entry(byte type, long field2, ushort field3)
        {
            entries.WriteByte(type);
            entries.Write([(byte)(field2 >> 24), (byte)(field2 >> 16), (byte)(field2 >> 8), (byte)field2]);
            entries.Write([(byte)(field3 >> 8), (byte)field3]);
        }

        Entry(0, 0, 0xFFFF);
        foreach (var number in new[] { 1, 2, 3 })
        {
            Entry(1, offsets[number], 0);
        }

        Entry(2, 5, 0);
        Entry(1, offsets[5], 0);
        Entry(1, offsets[6], 0);
        var start = offsets[6];
        Stream(6, "/Type/XRef/Size 7/W[1 4 2]/Root 1 0 R", entries.ToArray());
        Text($"startxref\n{start.ToString(CultureInfo.InvariantCulture)}\n%%EOF\n");
        return pdf.ToArray();
    }

    /// <summary>
    /// A PDF of one page: its catalog with <paramref name="catalogExtra"/>, its page with <paramref name="pageExtra"/>, then
    /// objects 4, 5… as given, and a cross-reference table with their true offsets.
    /// </summary>
    public static byte[] PdfOf(string catalogExtra, IReadOnlyList<string> moreObjects, string pageExtra = "", int padding = 0)
    {
        string[] objects = [$"<</Type/Catalog/Pages 2 0 R{catalogExtra}>>", "<</Type/Pages/Kids[3 0 R]/Count 1>>", $"<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]{pageExtra}>>", .. moreObjects];
        var pdf = new StringBuilder("%PDF-1.7\n");
        if (padding > 0)
        {
            pdf.Append('%').Append('x', Math.Max(0, padding - 2)).Append('\n');
        }

        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = pdf.Length;
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<</Size {objects.Length + 1}/Root 1 0 R>>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }

    public static byte[] Png() => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52];

    public static byte[] Jpeg() => [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 0x4A, 0x46, 0x49, 0x46, 0];

    /// <summary>A Windows executable's first bytes (MZ), whatever name it is given.</summary>
    public static byte[] Executable() => [0x4D, 0x5A, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xFF, 0xFF];

    public static byte[] Docx(bool macros = false) => Package(
        macros ? "application/vnd.ms-word.document.macroEnabled.main+xml" : "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        "word/document.xml",
        macros ? "word/vbaProject.bin" : null);

    public static byte[] Xlsx(bool macros = false) => Package(
        macros ? "application/vnd.ms-excel.sheet.macroEnabled.main+xml" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
        "xl/workbook.xml",
        macros ? "xl/vbaProject.bin" : null);

    /// <summary>
    /// A .docx whose document part is <paramref name="inflatedBytes"/> of zeros (it compresses about a thousand times):
    /// over 100 MB, a bomb; a few megabytes, a ratio no Office file has.
    /// </summary>
    public static byte[] DocxBomb(int inflatedBytes) => Package(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", "word/document.xml", null, documentBytes: inflatedBytes);

    /// <summary>
    /// A .docx whose headers lie: its document part is 200 KB of random bytes (which do not compress, so the ratio is
    /// plain), but both its local header and the central directory say 100 bytes; a reader that trusts them reads 100.
    /// </summary>
    public static byte[] DocxWithLyingSizes()
    {
        var random = new byte[200_000];
        new Random(20).NextBytes(random);
        var zip = Package("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", "word/document.xml", null, documentContent: random);
        var name = Encoding.ASCII.GetBytes("word/document.xml");
        for (var at = 0; at < zip.Length - 46; at++)
        {
            var signature = BitConverter.ToUInt32(zip, at);
            if (signature == 0x04034B50 && zip.AsSpan(at + 30, name.Length).SequenceEqual(name))
            {
                BitConverter.TryWriteBytes(zip.AsSpan(at + 22), 100u);
            }
            else if (signature == 0x02014B50 && zip.AsSpan(at + 46, name.Length).SequenceEqual(name))
            {
                BitConverter.TryWriteBytes(zip.AsSpan(at + 24), 100u);
            }
        }

        return zip;
    }

    private static byte[] Package(string mainContentType, string mainPart, string? vbaPart, int documentBytes = 0, byte[]? documentContent = null)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(zip, "[Content_Types].xml",
                $"""<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/{mainPart}" ContentType="{mainContentType}"/></Types>""");
            if (documentBytes > 0 || documentContent is not null)
            {
                using var part = zip.CreateEntry(mainPart, CompressionLevel.SmallestSize).Open();
                if (documentContent is not null)
                {
                    part.Write(documentContent);
                }

                var zeros = new byte[1024 * 1024];
                for (var left = documentBytes; left > 0; left -= zeros.Length)
                {
                    part.Write(zeros, 0, Math.Min(left, zeros.Length));
                }
            }
            else
            {
                Write(zip, mainPart, "<root/>");
            }

            if (vbaPart is not null)
            {
                Write(zip, vbaPart, "not really VBA");
            }
        }

        return buffer.ToArray();
    }

    private static void Write(ZipArchive zip, string name, string content)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(content);
    }
}
