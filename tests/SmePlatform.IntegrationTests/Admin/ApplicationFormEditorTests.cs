using System.Net;
using Microsoft.EntityFrameworkCore;
using SmePlatform.Domain.Applications;
using SmePlatform.Domain.Catalogue;
using SmePlatform.TestSupport;
using SmePlatform.Web.Data;

namespace SmePlatform.IntegrationTests.Admin;

/// <summary>Administrators edit a measure's application form in the measure editor; each save is a new version.</summary>
[Collection(nameof(PortalCollection))]
public class ApplicationFormEditorTests(SmeAppFactory factory)
{
    private static FormDefinition Form(params FormField[] fields) =>
        new("EDIT", ["Name", "City"], [new FormSection("plan", "事業計画", "Project plan", fields)]);

    [Fact]
    public async Task ASavedForm_IsANewVersion_ThatNewApplicationsTake_AndItIsAudited()
    {
        var measure = await factory.CreateMeasureAsync(MeasureStatus.Published);
        using var admin = await factory.CreateSignedInStaffClientAsync(StaffRoles.Administrator);
        var page = await admin.GetAsync($"/admin/measures/{measure.Id}/form");

        var first = await admin.SubmitFormAsync(page, [("Definition", Form(new FormField("theme", FieldKind.Text, "事業計画名", "Project title")).ToJson())]);
        var second = await admin.SubmitFormAsync(first, [("Definition", Form(new FormField("goal", FieldKind.LongText, "目標", "Goal")).ToJson())]);

        Assert.Contains("第2版", second.Text("main"), StringComparison.Ordinal);
        var versions = await factory.WithDbAsync(db => db.ApplicationForms.Where(f => f.MeasureId == measure.Id).OrderBy(f => f.Version).ToListAsync());
        Assert.Equal([1, 2], versions.Select(v => v.Version));
        Assert.Equal("goal", versions[1].Read().Sections[0].Fields[0].Key);
        Assert.True(await factory.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "application-form.versioned" && e.Details == "version 2")));
        // The measure's page now offers the online application.
        Assert.NotNull((await admin.GetAsync($"/measures/{measure.Slug}")).Document.QuerySelector("#apply a.btn-primary"));
    }

    [Fact]
    public async Task AFieldThatAsksAgainForAProfileItem_OrBrokenJson_IsRefusedBesideTheField_WithTheTextKept()
    {
        var measure = await factory.CreateMeasureAsync(MeasureStatus.Published);
        using var admin = await factory.CreateSignedInStaffClientAsync(StaffRoles.Administrator);
        var page = await admin.GetAsync($"/admin/measures/{measure.Id}/form");
        var duplicate = Form(new FormField("staff", FieldKind.Number, "従業員数", "Employees")).ToJson();

        var refused = await admin.SubmitFormAsync(page, [("Definition", duplicate)]);
        var broken = await admin.SubmitFormAsync(refused, [("Definition", "{\"code\": ")]);

        Assert.Contains("常時使用する従業員数", refused.ErrorFor("Definition"), StringComparison.Ordinal);
        Assert.Contains("RegularEmployees", refused.ErrorFor("Definition"), StringComparison.Ordinal);
        Assert.Equal(duplicate, refused.Text("#Definition"));
        Assert.Contains("JSON", broken.ErrorFor("Definition"), StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.ApplicationForms.AnyAsync(f => f.MeasureId == measure.Id)));
    }

    [Fact]
    public async Task ASaveFromAnOlderVersion_IsRefused()
    {
        var measure = await factory.CreateMeasureAsync(MeasureStatus.Published);
        using var admin = await factory.CreateSignedInStaffClientAsync(StaffRoles.Administrator);
        var stale = await admin.GetAsync($"/admin/measures/{measure.Id}/form");
        await admin.SubmitFormAsync(await admin.GetAsync($"/admin/measures/{measure.Id}/form"), [("Definition", Form(new FormField("a", FieldKind.Text, "甲", "A")).ToJson())]);

        var refused = await admin.SubmitFormAsync(stale, [("Definition", Form(new FormField("b", FieldKind.Text, "乙", "B")).ToJson())]);

        Assert.Contains("第1版", refused.ErrorFor("Definition"), StringComparison.Ordinal);
        Assert.Equal(1, await factory.WithDbAsync(db => db.ApplicationForms.CountAsync(f => f.MeasureId == measure.Id)));
    }

    [Fact]
    public async Task OnlyAdministrators_EditForms()
    {
        var measure = await factory.CreateMeasureAsync(MeasureStatus.Published);
        using var reviewer = await factory.CreateSignedInStaffClientAsync(StaffRoles.Reviewer);

        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.GetAsync($"/admin/measures/{measure.Id}/form")).Status);
    }
}
