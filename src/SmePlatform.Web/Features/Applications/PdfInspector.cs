using SmePlatform.Domain.Applications;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Tokens;

namespace SmePlatform.Web.Features.Applications;

/// <summary>What in a PDF runs or opens something: why <see cref="PdfInspector"/> refused it.</summary>
public enum PdfActiveContent
{
    None,
    JavaScript,
    LaunchAction,
    AdditionalActions,
    EmbeddedFile,
    InteractiveForm,
}

/// <summary>
/// Reads a PDF's structure with PdfPig (ADR 0015) and refuses one that does something when opened or used — JavaScript
/// (<c>/JS</c>, a <c>/JavaScript</c> name tree or action, often under <c>/OpenAction</c>), a launch action or another
/// action that reaches outside the document (<c>/Launch</c>, <c>/ImportData</c>, <c>/GoToE</c>,
/// <c>/RichMediaExecute</c>), additional actions that fire on events (<c>/AA</c>), embedded files (<c>/EmbeddedFiles</c>,
/// <c>/EF</c>, file attachment annotations) or an XFA form (which carries scripts) — and one it cannot read at all
/// (damaged, or needing a password: a reviewer could not read it either). Every object the cross-reference table lists
/// is walked, and every object reachable from the document's catalog, with a cap on the tokens walked. A reviewer never receives a
/// PDF that acts: the applicant is told why beside the field and can save it again without the active parts (refusing
/// is what the measures need today; no measure asks for such a file).
/// </summary>
public static class PdfInspector
{
    /// <summary>More tokens than a 10 MB PDF's objects hold (its page contents are streams, not walked).</summary>
    public const int MaxTokens = 2_000_000;

    private static readonly HashSet<string> ActiveActions = new(StringComparer.Ordinal) { "JavaScript", "Launch", "ImportData", "GoToE", "RichMediaExecute" };

    public static AttachmentProblem Inspect(byte[] pdf) => Find(pdf) switch
    {
        null => AttachmentProblem.Damaged,
        PdfActiveContent.None => AttachmentProblem.None,
        _ => AttachmentProblem.ActiveContent,
    };

    /// <summary>The first active content found, <see cref="PdfActiveContent.None"/>, or null when the file cannot be read as a PDF.</summary>
    public static PdfActiveContent? Find(byte[] pdf)
    {
        try
        {
            using var document = PdfDocument.Open(pdf, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
            var structure = document.Structure;
            var seen = new HashSet<IndirectReference>();
            var pending = new Stack<IToken>();
            pending.Push(new IndirectReferenceToken(structure.Trailer.Root));
            pending.Push(structure.Catalog.CatalogDictionary);
            foreach (var reference in structure.CrossReferenceTable.ObjectOffsets.Keys)
            {
                pending.Push(new IndirectReferenceToken(reference));
            }

            for (var walked = 0; pending.TryPop(out var token); walked++)
            {
                if (walked > MaxTokens)
                {
                    return null;
                }

                switch (token)
                {
                    case IndirectReferenceToken reference when seen.Add(reference.Data):
                        pending.Push(structure.GetObject(reference.Data).Data);
                        break;
                    case StreamToken stream:
                        pending.Push(stream.StreamDictionary);
                        break;
                    case ArrayToken array:
                        foreach (var item in array.Data)
                        {
                            pending.Push(item);
                        }

                        break;
                    case DictionaryToken dictionary:
                        if (Active(dictionary) is not PdfActiveContent.None and var found)
                        {
                            return found;
                        }

                        foreach (var value in dictionary.Data.Values)
                        {
                            pending.Push(value);
                        }

                        break;
                }
            }

            // An encrypted PDF that opened without a password has been read; one that needs one did not open.
            return PdfActiveContent.None;
        }
#pragma warning disable CA1031 // Whatever PdfPig cannot read — a format error, a missing object, a password — is a file refused as damaged.
        catch (Exception error) when (error is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            return null;
        }
    }

    private static PdfActiveContent Active(DictionaryToken dictionary)
    {
        var keys = dictionary.Data;
        if (keys.ContainsKey("JS") || keys.ContainsKey("JavaScript"))
        {
            return PdfActiveContent.JavaScript;
        }

        if (keys.TryGetValue("S", out var action) && action is NameToken name && ActiveActions.Contains(name.Data))
        {
            return name.Data == "JavaScript" ? PdfActiveContent.JavaScript : PdfActiveContent.LaunchAction;
        }

        if (keys.ContainsKey("AA"))
        {
            return PdfActiveContent.AdditionalActions;
        }

        if (keys.ContainsKey("EmbeddedFiles") || keys.ContainsKey("EF") || Named(keys, "Type", "EmbeddedFile") || Named(keys, "Subtype", "FileAttachment"))
        {
            return PdfActiveContent.EmbeddedFile;
        }

        return keys.ContainsKey("XFA") || Named(keys, "Subtype", "RichMedia") ? PdfActiveContent.InteractiveForm : PdfActiveContent.None;
    }

    private static bool Named(IReadOnlyDictionary<string, IToken> keys, string key, string value) =>
        keys.TryGetValue(key, out var token) && token is NameToken name && name.Data == value;
}
