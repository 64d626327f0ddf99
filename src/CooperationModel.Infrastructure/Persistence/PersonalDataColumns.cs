using CooperationModel.Domain.Clients;
using CooperationModel.Domain.Messages;
using CooperationModel.Domain.Referrals;
using CooperationModel.Domain.Surveys;
using CooperationModel.Infrastructure.Persistence.Configurations;
using CooperationModel.Infrastructure.Protection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CooperationModel.Infrastructure.Persistence;

/// <summary>
/// The columns that hold personal data beyond a name, encrypted at rest with the instance's
/// <see cref="PersonalDataProtector"/>: identity codes, the situation description, the life-situation survey, the
/// free-text notes, and messages with their files. The database sees only ciphertext; lookups by identity code go
/// through the keyed hash beside it (<see cref="Application.Common.IdentityCodeLookup"/>).
/// </summary>
internal static class PersonalDataColumns
{
    public static void Apply(ModelBuilder builder, PersonalDataProtector protector)
    {
        var identityCode = new ValueConverter<PersonalIdentityCode, string>(
            code => protector.Protect(code.Value), stored => PersonalIdentityCode.FromStored(protector.Unprotect(stored)));
        var text = new ValueConverter<string, string>(plain => protector.Protect(plain), stored => protector.Unprotect(stored));
        var bytes = new ValueConverter<byte[], byte[]>(plain => protector.Protect(plain), stored => protector.Unprotect(stored));
        var survey = new ValueConverter<LifeSituationSurvey?, string>(
            value => protector.Protect(SurveyConversion.Serialize(value!)), stored => SurveyConversion.Deserialize(protector.Unprotect(stored)));

        var cases = builder.Entity<ClientCase>();
        Encrypted(cases.Property(c => c.IdentityCode), identityCode);
        cases.Property(c => c.Survey).HasConversion(survey, SurveyConversion.Comparer).HasColumnType("text");

        var referrals = builder.Entity<Referral>();
        Encrypted(referrals.Property(r => r.ClientIdentityCode), identityCode);
        Encrypted(referrals.Property(r => r.SituationDescription), text);
        Encrypted(referrals.Property(r => r.ClosingNote), text);
        Encrypted(referrals.Property(r => r.RepeatReason), text);

        var forwards = builder.Entity<ReferralForward>();
        Encrypted(forwards.Property(f => f.Note), text);
        Encrypted(forwards.Property(f => f.ClosingNote), text);

        Encrypted(builder.Entity<ReferralMessage>().Property(m => m.Body), text);
        builder.Entity<MessageAttachment>().Property(a => a.Content).HasConversion(bytes);
    }

    /// <summary>Ciphertext is longer than the text: the column is unbounded, and the domain keeps the text's own limit.</summary>
    private static void Encrypted<T>(PropertyBuilder<T> property, ValueConverter converter) =>
        property.HasConversion(converter).HasColumnType("text").Metadata.SetMaxLength(null);
}

/// <summary>
/// One model per <see cref="PersonalDataProtector"/>: the converters hold the protector, so each app instance (a test
/// may run several) gets a model of its own instead of the first one's.
/// </summary>
internal sealed class ProtectorModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        context is AppDbContext db ? (context.GetType(), db.Protector, designTime) : (context.GetType(), designTime);
}
