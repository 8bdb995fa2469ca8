using System.IO.Compression;
using System.Text;

namespace SmePlatform.TestSupport;

/// <summary>Small real files of each kind an application may attach, and the impostors it must refuse.</summary>
public static class SampleFiles
{
    /// <summary>A minimal PDF, padded with a comment to <paramref name="size"/> bytes when given.</summary>
    public static byte[] Pdf(int size = 0)
    {
        var body = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
        return size <= body.Length ? body : [.. body, .. Encoding.ASCII.GetBytes("%" + new string('x', size - body.Length - 2) + "\n")];
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

    private static byte[] Package(string mainContentType, string mainPart, string? vbaPart)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(zip, "[Content_Types].xml",
                $"""<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/{mainPart}" ContentType="{mainContentType}"/></Types>""");
            Write(zip, mainPart, "<root/>");
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
