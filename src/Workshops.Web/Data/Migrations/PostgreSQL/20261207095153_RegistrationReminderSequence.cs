using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workshops.Web.Data.Migrations.PostgreSQL
{
    /// <inheritdoc />
    public partial class RegistrationReminderSequence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ReminderSequence",
                table: "Registrations",
                type: "integer",
                nullable: true);

            // A reminder already sent was for the schedule the workshop has now (the column did not exist before).
            migrationBuilder.Sql("""
                UPDATE "Registrations" r SET "ReminderSequence" = w."Sequence" FROM "Workshops" w WHERE w."Id" = r."WorkshopId" AND r."ReminderSentAtUtc" IS NOT NULL
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ReminderSequence",
                table: "Registrations");
        }
    }
}
