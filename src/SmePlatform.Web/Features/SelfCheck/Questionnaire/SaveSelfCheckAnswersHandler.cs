using FluentValidation;
using Microsoft.EntityFrameworkCore;
using SmePlatform.Domain.SelfCheck;
using SmePlatform.Web.Data;
using SmePlatform.Web.Data.SelfCheck;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.SelfCheck.Questionnaire;

/// <summary>
/// Keeps the non-financial questionnaire's answers with the business (<see cref="NonFinancialForm"/>): a changed answer
/// replaces the one kept, a blank one removes it. The business is the caller's (the controller is business-scoped).
/// </summary>
public sealed class SaveSelfCheckAnswersHandler(SmeDbContext db, TimeProvider clock, IValidator<NonFinancialForm> validator) : IUseCase
{
    public async Task<Outcome<Unit>> HandleAsync(int businessId, NonFinancialForm form)
    {
        var check = await validator.ValidateAsync(form);
        if (!check.IsValid)
        {
            return Outcome.Invalid(check.Errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var kept = await db.SelfCheckAnswers.Where(a => a.BusinessId == businessId).ToDictionaryAsync(a => a.Question);
        foreach (var (_, question) in NonFinancial.Questions)
        {
            var answer = form[question]?.Trim();
            if (kept.TryGetValue(question, out var existing))
            {
                if (string.IsNullOrEmpty(answer))
                {
                    db.SelfCheckAnswers.Remove(existing);
                }
                else if (existing.Answer != answer)
                {
                    (existing.Answer, existing.UpdatedAtUtc) = (answer, now);
                }
            }
            else if (!string.IsNullOrEmpty(answer))
            {
                db.SelfCheckAnswers.Add(new SelfCheckAnswer { BusinessId = businessId, Question = question, Answer = answer, UpdatedAtUtc = now });
            }
        }

        await db.SaveChangesAsync();
        return Outcome.Done();
    }
}
