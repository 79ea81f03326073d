using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workshops.Web.Data.Migrations.PostgreSQL
{
    /// <inheritdoc />
    public partial class MemberNotifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "CK_OutgoingEmails_Recipient",
                table: "OutgoingEmails");

            migrationBuilder.AddColumn<string>(
                name: "NoticeJson",
                table: "OutgoingEmails",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "AspNetUsers",
                type: "character varying(2)",
                maxLength: 2,
                nullable: false,
                defaultValue: "fi");

            migrationBuilder.CreateTable(
                name: "NotificationSubscriptions",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    WorkshopId = table.Column<Guid>(type: "uuid", nullable: false),
                    Choice = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    WatermarkUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    DigestSentOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NotificationSubscriptions", x => new { x.UserId, x.WorkshopId });
                    table.ForeignKey(
                        name: "FK_NotificationSubscriptions_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_NotificationSubscriptions_Workshops_WorkshopId",
                        column: x => x.WorkshopId,
                        principalTable: "Workshops",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.AddCheckConstraint(
                name: "CK_OutgoingEmails_Recipient",
                table: "OutgoingEmails",
                sql: "(\"RegistrationId\" IS NOT NULL) OR (\"RecipientEmail\" IS NOT NULL AND (\"WorkshopId\" IS NOT NULL OR \"Kind\" IN ('PasswordChanged', 'MemberInvitation', 'PasswordReset', 'MemberNotice', 'MemberDigest')))");

            migrationBuilder.CreateIndex(
                name: "IX_NotificationSubscriptions_WorkshopId",
                table: "NotificationSubscriptions",
                column: "WorkshopId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "NotificationSubscriptions");

            migrationBuilder.DropCheckConstraint(
                name: "CK_OutgoingEmails_Recipient",
                table: "OutgoingEmails");

            migrationBuilder.DropColumn(
                name: "NoticeJson",
                table: "OutgoingEmails");

            migrationBuilder.DropColumn(
                name: "Language",
                table: "AspNetUsers");

            migrationBuilder.AddCheckConstraint(
                name: "CK_OutgoingEmails_Recipient",
                table: "OutgoingEmails",
                sql: "(\"RegistrationId\" IS NOT NULL) OR (\"RecipientEmail\" IS NOT NULL AND (\"WorkshopId\" IS NOT NULL OR \"Kind\" IN ('PasswordChanged', 'MemberInvitation', 'PasswordReset')))");
        }
    }
}
