using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ExpoPortal.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class MatchingFiguresUnderPriorities : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The figures live in a jsonb column: the two new optional fields need no DDL, only the new model snapshot.
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
