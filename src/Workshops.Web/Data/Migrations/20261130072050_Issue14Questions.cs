using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workshops.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Issue14Questions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "WorkshopQuestions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WorkshopId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Required = table.Column<bool>(type: "INTEGER", nullable: false),
                    OptionsJson = table.Column<string>(type: "TEXT", nullable: false),
                    ArchivedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Help_En = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Help_Fi = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Help_Sv = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Text_En = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Text_Fi = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Text_Sv = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkshopQuestions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WorkshopQuestions_Workshops_WorkshopId",
                        column: x => x.WorkshopId,
                        principalTable: "Workshops",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RegistrationAnswers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RegistrationId = table.Column<int>(type: "INTEGER", nullable: false),
                    QuestionId = table.Column<int>(type: "INTEGER", nullable: false),
                    QuestionText = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    OptionKeys = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 3000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegistrationAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RegistrationAnswers_Registrations_RegistrationId",
                        column: x => x.RegistrationId,
                        principalTable: "Registrations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RegistrationAnswers_WorkshopQuestions_QuestionId",
                        column: x => x.QuestionId,
                        principalTable: "WorkshopQuestions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RegistrationAnswers_QuestionId",
                table: "RegistrationAnswers",
                column: "QuestionId");

            migrationBuilder.CreateIndex(
                name: "IX_RegistrationAnswers_RegistrationId_QuestionId",
                table: "RegistrationAnswers",
                columns: new[] { "RegistrationId", "QuestionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WorkshopQuestions_WorkshopId_Position",
                table: "WorkshopQuestions",
                columns: new[] { "WorkshopId", "Position" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RegistrationAnswers");

            migrationBuilder.DropTable(
                name: "WorkshopQuestions");
        }
    }
}
