using Microsoft.EntityFrameworkCore;
using SmePlatform.Web.Data;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Admin.Measures.Editing;

/// <summary>The editor's page for a measure: its form as on record and what the page shows beside it; null when there is no such measure.</summary>
public sealed class MeasureEditorQuery(SmeDbContext db) : IUseCase
{
    public async Task<MeasureEditorPage?> HandleAsync(int id)
    {
        var measure = await db.SupportMeasures.AsNoTracking().AsSplitQuery().FirstOrDefaultAsync(m => m.Id == id);
        return measure is null ? null : new MeasureEditorPage(MeasureForm.From(measure), new MeasureEditContext(id, measure.Status, null, measure.TermsNeedReview));
    }
}
