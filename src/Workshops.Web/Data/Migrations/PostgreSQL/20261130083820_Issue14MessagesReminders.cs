using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workshops.Web.Data.Migrations.PostgreSQL
{
    /// <inheritdoc />
    public partial class Issue14MessagesReminders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "RemindersEnabled",
                table: "Workshops",
                type: "boolean",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ReminderSentAtUtc",
                table: "Registrations",
                type: "timestamp without time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "AttendeeMessageId",
                table: "OutgoingEmails",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AttendeeMessages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    WorkshopId = table.Column<Guid>(type: "uuid", nullable: false),
                    IdempotencyKey = table.Column<Guid>(type: "uuid", nullable: false),
                    Recipients = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SentBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    SentAtUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    RecipientCount = table.Column<int>(type: "integer", nullable: false),
                    Body_En = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    Body_Fi = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    Body_Sv = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    Subject_En = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Subject_Fi = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Subject_Sv = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AttendeeMessages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AttendeeMessages_Workshops_WorkshopId",
                        column: x => x.WorkshopId,
                        principalTable: "Workshops",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OutgoingEmails_AttendeeMessageId",
                table: "OutgoingEmails",
                column: "AttendeeMessageId");

            migrationBuilder.CreateIndex(
                name: "IX_AttendeeMessages_IdempotencyKey",
                table: "AttendeeMessages",
                column: "IdempotencyKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AttendeeMessages_WorkshopId_SentAtUtc",
                table: "AttendeeMessages",
                columns: new[] { "WorkshopId", "SentAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AttendeeMessages");

            migrationBuilder.DropIndex(
                name: "IX_OutgoingEmails_AttendeeMessageId",
                table: "OutgoingEmails");

            migrationBuilder.DropColumn(
                name: "RemindersEnabled",
                table: "Workshops");

            migrationBuilder.DropColumn(
                name: "ReminderSentAtUtc",
                table: "Registrations");

            migrationBuilder.DropColumn(
                name: "AttendeeMessageId",
                table: "OutgoingEmails");
        }
    }
}
