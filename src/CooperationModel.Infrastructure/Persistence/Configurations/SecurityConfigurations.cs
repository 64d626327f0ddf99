using CooperationModel.Domain.AccessLog;
using CooperationModel.Domain.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CooperationModel.Infrastructure.Persistence.Configurations;

public sealed class AccessLogEntryConfiguration : IEntityTypeConfiguration<AccessLogEntry>
{
    public void Configure(EntityTypeBuilder<AccessLogEntry> builder)
    {
        // Append only: the app's role may insert and read, never update or delete (migration SecurityInDepth).
        builder.ToTable("access_log");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).UseIdentityAlwaysColumn();
        builder.Property(e => e.UserName).HasMaxLength(200);
        builder.Property(e => e.ClientKey).HasMaxLength(ClientCaseConfiguration.IdentityCodeHashLength);
        builder.Property(e => e.Section).HasMaxLength(AccessLogEntry.SectionMaxLength);
        builder.Property(e => e.Detail).HasMaxLength(AccessLogEntry.DetailMaxLength);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(e => e.OrganisationId).OnDelete(DeleteBehavior.Restrict);

        // The admin's searches: by time, by client, by user; each within the organisation.
        builder.HasIndex(e => new { e.OrganisationId, e.At });
        builder.HasIndex(e => new { e.OrganisationId, e.ClientKey, e.At });
        builder.HasIndex(e => new { e.OrganisationId, e.UserId, e.At });
    }
}

/// <summary>
/// A Data Protection key as stored: its XML, encrypted with the key-encryption key. Mapped so that migrations create
/// the table; <c>PostgresXmlRepository</c> reads and writes it with plain SQL (Data Protection needs it before any context).
/// </summary>
public sealed class StoredDataProtectionKey
{
    public int Id { get; set; }

    public string FriendlyName { get; set; } = "";

    public string Xml { get; set; } = "";
}

public sealed class StoredDataProtectionKeyConfiguration : IEntityTypeConfiguration<StoredDataProtectionKey>
{
    public void Configure(EntityTypeBuilder<StoredDataProtectionKey> builder)
    {
        builder.ToTable("data_protection_keys");
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Id).UseIdentityAlwaysColumn();
        builder.Property(k => k.Xml).HasColumnType("text").Metadata.SetMaxLength(null);
    }
}
