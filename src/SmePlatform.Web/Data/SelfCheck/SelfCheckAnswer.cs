using SmePlatform.Domain.SelfCheck;

namespace SmePlatform.Web.Data.SelfCheck;

/// <summary>A business's answer to one question of the non-financial questionnaire (<see cref="NonFinancial.Questions"/>).</summary>
public class SelfCheckAnswer
{
    public int Id { get; set; }
    public int BusinessId { get; set; }
    public string Question { get; set; } = "";
    public string Answer { get; set; } = "";
    public DateTime UpdatedAtUtc { get; set; }
}
