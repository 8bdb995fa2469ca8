namespace SmePlatform.Web.Features.Applications.Downloads;

/// <summary>An attached file as it is sent back: its bytes, its stored content type and its (cleaned) name.</summary>
public sealed record AttachmentDownload(byte[] Bytes, string ContentType, string FileName);
