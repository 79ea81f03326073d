using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workshops.Web.Data.Migrations.PostgreSQL
{
    /// <inheritdoc />
    public partial class OrganiserSignInFailures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "CK_OutgoingEmails_Recipient",
                table: "OutgoingEmails");

            migrationBuilder.CreateTable(
                name: "SignInFailures",
                columns: table => new
                {
                    Key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Failures = table.Column<int>(type: "integer", nullable: false),
                    LastFailureAtUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SignInFailures", x => x.Key);
                });

            migrationBuilder.AddCheckConstraint(
                name: "CK_OutgoingEmails_Recipient",
                table: "OutgoingEmails",
                sql: "(\"RegistrationId\" IS NOT NULL) OR (\"RecipientEmail\" IS NOT NULL AND (\"WorkshopId\" IS NOT NULL OR \"Kind\" = 'PasswordChanged'))");

            migrationBuilder.CreateIndex(
                name: "IX_SignInFailures_LastFailureAtUtc",
                table: "SignInFailures",
                column: "LastFailureAtUtc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SignInFailures");

            migrationBuilder.DropCheckConstraint(
                name: "CK_OutgoingEmails_Recipient",
                table: "OutgoingEmails");

            migrationBuilder.AddCheckConstraint(
                name: "CK_OutgoingEmails_Recipient",
                table: "OutgoingEmails",
                sql: "(\"RegistrationId\" IS NOT NULL) OR (\"RecipientEmail\" IS NOT NULL AND \"WorkshopId\" IS NOT NULL)");
        }
    }
}
