using SmePlatform.TestSupport;

namespace SmePlatform.IntegrationTests;

/// <summary>One portal (and one database) shared by every integration test in this assembly.</summary>
[CollectionDefinition(nameof(PortalCollection))]
public sealed class PortalCollection : ICollectionFixture<SmeAppFactory>;
