using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workshops.Web.Data.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: true);

            // A reminder already sent was for the schedule the workshop has now (the column did not exist before).
            migrationBuilder.Sql("""
                UPDATE "Registrations" SET "ReminderSequence" = (SELECT w."Sequence" FROM "Workshops" w WHERE w."Id" = "Registrations"."WorkshopId") WHERE "ReminderSentAtUtc" IS NOT NULL
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
