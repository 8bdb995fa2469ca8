namespace SmePlatform.Domain.Text;

/// <summary>A text kept in both languages (a name an administrator wrote), passed as a message's value and shown in the reader's.</summary>
public sealed record Bilingual(string Ja, string En);
