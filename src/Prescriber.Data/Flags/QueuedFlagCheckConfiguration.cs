using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Prescriber.Core.Flags;
using Prescriber.Core.Sessions;

namespace Prescriber.Data.Flags;

internal sealed class QueuedFlagCheckConfiguration : IEntityTypeConfiguration<QueuedFlagCheck>
{
    public void Configure(EntityTypeBuilder<QueuedFlagCheck> builder)
    {
        // One check per session: the key is the session's.
        builder.HasKey(q => q.SessionId);
        builder.HasOne<SessionLog>().WithMany().HasForeignKey(q => q.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(q => q.QueuedAt);
    }
}
