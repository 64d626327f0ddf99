using CooperationModel.Domain.Geography;
using CooperationModel.Domain.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CooperationModel.Infrastructure.Persistence.Configurations;

public sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.Code).HasMaxLength(40);
        builder.HasIndex(o => new { o.Kind, o.Code }).IsUnique();
    }
}

public sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> builder)
    {
        builder.HasKey(r => r.Code);
        builder.Property(r => r.Code).HasMaxLength(2);
    }
}

public sealed class KelaDistrictConfiguration : IEntityTypeConfiguration<KelaDistrict>
{
    public void Configure(EntityTypeBuilder<KelaDistrict> builder)
    {
        builder.HasKey(d => d.Code);
        builder.Property(d => d.Code).HasMaxLength(40);
    }
}

public sealed class MunicipalityConfiguration : IEntityTypeConfiguration<Municipality>
{
    public void Configure(EntityTypeBuilder<Municipality> builder)
    {
        builder.HasKey(m => m.Code);
        builder.Property(m => m.Code).HasMaxLength(3);
        builder.Property(m => m.RegionCode).HasMaxLength(2);
        builder.Property(m => m.OrganiserCode).HasMaxLength(3);
        builder.Property(m => m.KelaDistrictCode).HasMaxLength(40);
        builder.HasOne<Region>().WithMany().HasForeignKey(m => m.RegionCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<KelaDistrict>().WithMany().HasForeignKey(m => m.KelaDistrictCode).OnDelete(DeleteBehavior.Restrict);
    }
}
